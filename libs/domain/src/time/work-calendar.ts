import { invalid } from '../rejection';
import { cstDate, cstIsoWeekday } from './china-day';
import type { WorkCalendarData } from './work-calendar-data';

/**
 * Which days are working days (工作日). China's official calendar moves days: public holidays
 * are off even on weekdays and 调休 make-up days are worked even on weekends, so a calendar
 * is data (two date lists) on top of the Monday–Friday default.
 * Dates are compared as calendar dates in China Standard Time (UTC+8).
 */
export interface WorkCalendar {
  isWorkday(instant: Date): boolean;
  /** The version of the data behind it (WorkCalendarData.version); none for the plain weekday calendar. */
  readonly version?: string;
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

/**
 * Monday to Friday, no holidays. Only for what was recorded before calendars were data (those
 * histories must replay as they ran) and for callers that never count working days.
 */
export const WEEKDAY_CALENDAR: WorkCalendar = new OfficialWorkCalendar();

/**
 * The calendar of `data`, which knows the years it covers: asking about a day in any other year
 * is refused naming that year, never answered on weekdays.
 */
export function workCalendarOf(data: WorkCalendarData): WorkCalendar {
  const years = new Set(Object.keys(data.years));
  const days = new OfficialWorkCalendar(
    Object.values(data.years).flatMap((y) => y.holidays),
    Object.values(data.years).flatMap((y) => y.makeupWorkdays),
  );
  return {
    version: data.version,
    isWorkday(instant: Date): boolean {
      const year = cstDate(instant).slice(0, 4);
      if (!years.has(year)) {
        throw invalid(
          'calendar.year_not_covered',
          'calendar',
          `${year}年的工作日历尚未载入 (no official work calendar for ${year}; covered: ${[...years].sort().join(', ') || 'none'})`,
          { year: Number(year) },
        );
      }
      return days.isWorkday(instant);
    },
  };
}

/** `calendarVersion` to record beside a deadline counted on `calendar` (nothing for the plain weekday calendar). */
export function calendarStamp(calendar: WorkCalendar): { calendarVersion?: string } {
  return calendar.version ? { calendarVersion: calendar.version } : {};
}

/** The calendar a workflow was handed, or the weekday calendar for histories recorded before calendars were handed over. */
export function calendarOrWeekdays(data: WorkCalendarData | undefined): WorkCalendar {
  return data ? workCalendarOf(data) : WEEKDAY_CALENDAR;
}
