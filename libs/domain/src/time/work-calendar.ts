import { cstDate, cstIsoWeekday } from './china-day';

/**
 * Which days are working days (工作日). China's official calendar moves days: public holidays
 * are off even on weekdays and 调休 make-up days are worked even on weekends, so a calendar
 * is data (two date lists) on top of the Monday–Friday default.
 * Dates are compared as calendar dates in China Standard Time (UTC+8).
 */
export interface WorkCalendar {
  isWorkday(instant: Date): boolean;
}

export class OfficialWorkCalendar implements WorkCalendar {
  private readonly holidays: ReadonlySet<string>;
  private readonly makeupWorkdays: ReadonlySet<string>;

  constructor(holidays: readonly string[] = [], makeupWorkdays: readonly string[] = []) {
    this.holidays = new Set(holidays);
    this.makeupWorkdays = new Set(makeupWorkdays);
  }

  isWorkday(instant: Date): boolean {
    const date = cstDate(instant);
    if (this.makeupWorkdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    return cstIsoWeekday(instant) <= 5;
  }
}

/** Monday to Friday, no holidays: the default until an office loads its year's calendar. */
export const WEEKDAY_CALENDAR: WorkCalendar = new OfficialWorkCalendar();
