import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { type RequestExtensionArgs, TEXT_LIMITS } from '@duban/domain';

/** 申请延期 (extension request) by the responsible unit; the office decides. */
export class RequestExtensionDto implements RequestExtensionArgs {
  @ApiProperty({
    description: '申请的整改期限 (requested deadline), ISO 8601 date-time: after the current 整改期限 and within the policy\'s longest deadline.',
    format: 'date-time',
  })
  @IsISO8601({ strict: true })
  requestedDeadline!: string;

  @ApiProperty({ description: '延期理由 (reason).', maxLength: TEXT_LIMITS.longText })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.longText)
  reason!: string;
}
