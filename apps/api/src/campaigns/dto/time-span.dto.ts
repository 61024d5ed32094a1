import type { TimeSpan, TimeUnit } from '@duban/domain';
import { EnumField, NumberField } from '../../http/field-decorators';

export const TIME_UNITS: readonly TimeUnit[] = ['hours', 'days', 'workdays'];

/** A positive span of time (时长): a phase's duration, a deliverable's due time, a phase extension. */
export class TimeSpanDto implements TimeSpan {
  @NumberField({ description: 'Amount (数量), > 0; working days whole (else `time_span.workdays_not_whole`).', min: 0, exclusiveMin: true, example: 7 })
  amount!: number;

  @EnumField(TIME_UNITS, { description: 'Unit: hours 小时 | days 天 (calendar days) | workdays 工作日 (working days).' })
  unit!: TimeUnit;
}
