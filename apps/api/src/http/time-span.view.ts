import { ApiProperty } from '@nestjs/swagger';
import type { TimeSpan, TimeUnit } from '@duban/domain';

/** A span of time (时长) in a policy or a template: hazards' escalation offsets, campaigns' phase durations. */
export class TimeSpanView implements TimeSpan {
  @ApiProperty({ description: 'Amount (数量); negative counts backwards from the deadline.' })
  amount!: number;

  @ApiProperty({ description: 'Unit: hours 小时 | days 天 (calendar days) | workdays 工作日 (working days).', enum: ['hours', 'days', 'workdays'] })
  unit!: TimeUnit;
}
