/**
 * Which days are working days (工作日). China's official calendar moves days: public holidays
 * are off even on weekdays and 调休 make-up days are worked even on weekends, so a calendar
 * is data (two date lists) on top of the Monday–Friday default.
 * Dates are compared as calendar dates in China Standard Time (UTC+8).
 */
export interface WorkCalendar {
  isWorkday(instant: Date): boolean;
}

const CST_OFFSET_MS = 8 * 3600_000;

/** 'YYYY-MM-DD' of the instant in China Standard Time. */
export function cstDate(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
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
    const weekday = new Date(instant.getTime() + CST_OFFSET_MS).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }
}

/** Monday to Friday, no holidays: the default until an office loads its year's calendar. */
export const WEEKDAY_CALENDAR: WorkCalendar = new OfficialWorkCalendar();
