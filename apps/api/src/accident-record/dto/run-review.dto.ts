import { DateTimeField } from '../../http/field-decorators';

/** A review run now (按月检查): the month just ended before `asOf` is checked. */
export class RunReviewDto {
  @DateTimeField({ description: '检查时点 (as of), ISO 8601: the China month just ended before it is checked; absent: now.', optional: true })
  asOf?: string;
}
