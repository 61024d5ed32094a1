import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { type DecideExtensionArgs, TEXT_LIMITS } from '@duban/domain';

/** 延期审批 (extension decision) by the safety committee office (安委办). */
export class DecideExtensionDto implements DecideExtensionArgs {
  @ApiProperty({ description: 'true 批准延期 (approve: the deadline moves and the escalation ladder restarts) | false 不予延期 (refuse).' })
  @IsBoolean()
  approve!: boolean;

  @ApiProperty({ description: '审批意见 (reason for the decision).', maxLength: TEXT_LIMITS.longText })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.longText)
  reason!: string;
}
