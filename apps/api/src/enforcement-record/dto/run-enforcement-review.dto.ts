import { TEXT_LIMITS } from '@duban/domain';
import { DayField, TextField } from '../../http/field-decorators';

/** A review run now (规则运行): the rules evaluated over the whole enforcement record, the blacklist as of `asOf`. */
export class RunEnforcementReviewDto {
  @DayField({ description: '检查日 (as of), a China day YYYY-MM-DD: the blacklist as of then; absent: today.', optional: true })
  asOf?: string;

  @TextField({ description: '理由 (reason) for running it now rather than waiting for the daily run.', max: TEXT_LIMITS.longText })
  reason!: string;
}
