import { TEXT_LIMITS, type RecordChainReportArgs, type ReportChannel, type ReportFollowUpArgs } from '@duban/domain';
import { DateTimeField, EnumField, IdField, NestedField, NumberField, TextField } from '../../http/field-decorators';
import { CasualtiesDto } from './casualties.dto';

/** 续报: the numbers as they now stand; the grade is recomputed and a rise moves the accident up at once. */
export class ReportFollowUpDto implements ReportFollowUpArgs {
  @NestedField(() => CasualtiesDto, { description: '伤亡情况 (casualties) as they now stand.' })
  casualties!: CasualtiesDto;

  @NumberField({ description: '危及生命安全的人数 (lives endangered); unchanged when absent.', integer: true, min: 0, max: 100_000, optional: true })
  livesEndangered?: number;

  @TextField({ description: '续报内容 (what changed and why).', max: TEXT_LIMITS.longText })
  account!: string;

  @TextField({ description: '报告人 (who reports), by name.', max: TEXT_LIMITS.shortText })
  reporter!: string;

  @DateTimeField({ description: '报告时间 (when it was reported), ISO 8601: after the previous report, not in the future.' })
  reportedAt!: string;
}

export const REPORT_CHANNELS: readonly ReportChannel[] = ['phone', 'written'];

/** 逐级上报: one level’s receipt of the report, against its obligation (on time, 迟报 late, or 漏报 missing). */
export class RecordChainReportDto implements RecordChainReportArgs {
  @IdField({
    description: '上报环节 (step) id of the reporting chain, e.g. county-1h, city-2h, province-2h, state-council-2h, city-government-2h.',
    example: 'city-2h',
  })
  stepId!: string;

  @DateTimeField({ description: '收到时间 (when that level received it), ISO 8601: between the accident and now.' })
  receivedAt!: string;

  @EnumField(REPORT_CHANNELS, { description: '方式 (channel): phone 电话 | written 书面.' })
  channel!: ReportChannel;
}
