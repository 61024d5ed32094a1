import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { type StartMonitoringArgs, TEXT_LIMITS } from '@duban/domain';

/** 监控管理 (monitoring) of a major hazard (重大隐患) that cannot be fixed at once. */
export class StartMonitoringDto implements StartMonitoringArgs {
  @ApiProperty({ description: '监控措施 (monitoring measures).', maxLength: TEXT_LIMITS.longText })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.longText)
  measures!: string;

  @ApiProperty({ description: '监控责任人 (watch person): who watches it, around the clock over holidays (专人值守).', maxLength: TEXT_LIMITS.shortText })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.shortText)
  watchPerson!: string;
}
