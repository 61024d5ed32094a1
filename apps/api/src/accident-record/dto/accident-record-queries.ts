import { CONTROL_INDICATOR_YEARS } from '@duban/domain';
import { IntegerQueryField, TextField } from '../../http/field-decorators';

export const MONTH_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])$';

/** Which month's checks (按月检查): one, or every month on record. */
export class ListChecksQuery {
  @TextField({ description: '月份 (month) checked, YYYY-MM; absent: every month on record.', max: 7, pattern: MONTH_PATTERN, optional: true })
  month?: string;
}

/** Which year's firings (问责): one, or every year on record. */
export class ListFiringsQuery {
  @IntegerQueryField({ description: '年度 (year); absent: every year on record.', ...CONTROL_INDICATOR_YEARS })
  year?: number;
}
