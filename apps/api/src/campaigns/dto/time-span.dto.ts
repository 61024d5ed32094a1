import { TEMPLATE_LIMITS, type TimeSpan, type TimeUnit } from '@duban/domain';
import { EnumField, NumberField } from '../../http/field-decorators';

export const TIME_UNITS: readonly TimeUnit[] = ['hours', 'days', 'workdays'];

/** The longest campaign in hours: no span of a template or an extension is longer, in any unit. */
export const TIME_SPAN_AMOUNT_MAX = TEMPLATE_LIMITS.campaignDays * 24;

/** A positive span of time (时长): a phase's duration, a deliverable's due time, a phase extension. */
export class TimeSpanDto implements TimeSpan {
  @NumberField({
    description: `Amount (数量), > 0 and at most ${TIME_SPAN_AMOUNT_MAX} (two years in hours); working days whole (else \`time_span.workdays_not_whole\`), hours and days at least a millisecond (\`time_span.too_short\`).`,
    min: 0,
    exclusiveMin: true,
    max: TIME_SPAN_AMOUNT_MAX,
    example: 7,
  })
  amount!: number;

  @EnumField(TIME_UNITS, { description: 'Unit: hours 小时 | days 天 (calendar days) | workdays 工作日 (working days).' })
  unit!: TimeUnit;
}
