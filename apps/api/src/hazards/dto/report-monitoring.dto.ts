import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { type ReportMonitoringArgs, TEXT_LIMITS } from '@duban/domain';

/** 监控报告 (monitoring report), due every period the policy sets while under monitoring. */
export class ReportMonitoringDto implements ReportMonitoringArgs {
  @ApiProperty({ description: '监控情况 (monitoring report text).', maxLength: TEXT_LIMITS.longText })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.longText)
  text!: string;
}
