import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { type ReportProgressArgs, TEXT_LIMITS } from '@duban/domain';
import { AttachmentRefs } from './attachments';

/** 整改进展 (progress report) by the responsible unit while rectifying. */
export class ReportProgressDto implements ReportProgressArgs {
  @ApiProperty({ description: '进展情况 (progress text).', maxLength: TEXT_LIMITS.longText })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.longText)
  text!: string;

  @ApiPropertyOptional({ description: '完成比例 (percent complete), 0–100.', minimum: 0, maximum: 100 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  percentComplete?: number;

  @AttachmentRefs('进展佐证 (progress evidence)')
  attachments?: string[];
}
