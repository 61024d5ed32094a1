import { TEXT_LIMITS, type CalendarYearInput } from '@duban/domain';
import { DayListField, NumberField, TextField } from '../../http/field-decorators';

/** 载入年度工作日历: one year of the State Council's 放假调休 notice, as the office enters it. */
export class PutCalendarYearDto implements CalendarYearInput {
  @DayListField({
    description: '放假日期 (public holidays), YYYY-MM-DD, all in the year of the path, none listed twice.',
    maxItems: 366,
    example: ['2027-01-01', '2027-02-06'],
  })
  holidays!: string[];

  @DayListField({
    description: '调休上班日期 (make-up working days): Saturdays or Sundays worked, in the year of the path, none also a holiday.',
    maxItems: 366,
    example: ['2027-01-30'],
  })
  makeupWorkdays!: string[];

  @TextField({ description: '事由 (why this year is loaded or changed, e.g. the notice it follows).', max: TEXT_LIMITS.longText })
  reason!: string;

  @NumberField({
    description: '读取时的版本 (the version read before this write): 0 or absent for a year the office has not loaded yet; a stale one is a 409.',
    optional: true,
    integer: true,
    min: 0,
  })
  expectedVersion?: number;
}
