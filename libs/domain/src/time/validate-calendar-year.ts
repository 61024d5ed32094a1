import { invalid } from '../rejection';
import { cstDayStart, cstIsoWeekday, parseCstDay } from './china-day';

/** The years an office may load: a typo like 20270 or 207 is refused rather than stored. */
export const CALENDAR_YEAR_RANGE = { min: 2000, max: 2100 } as const;

/** What an office supplies for one year (the 放假调休 notice): holidays and make-up working days. */
export interface CalendarYearInput {
  holidays: string[];
  makeupWorkdays: string[];
}

/** `year` as a loadable year number, or a rejection naming `field`. */
export function parseCalendarYear(year: unknown, field = 'year'): number {
  const n = typeof year === 'string' && /^\d{4}$/.test(year) ? Number(year) : year;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < CALENDAR_YEAR_RANGE.min || n > CALENDAR_YEAR_RANGE.max)
    throw invalid(
      'calendar.year_out_of_range',
      field,
      `${field} must be a year from ${CALENDAR_YEAR_RANGE.min} to ${CALENDAR_YEAR_RANGE.max} (年度), not ${JSON.stringify(year)}`,
    );
  return n;
}

function days(list: unknown, field: string, year: number): string[] {
  if (!Array.isArray(list)) throw invalid('input.not_a_list', field, `${field} must be a list of days YYYY-MM-DD`);
  const seen = new Set<string>();
  return list.map((value, i) => {
    const day = parseCstDay(value, `${field}[${i}]`);
    if (!day.startsWith(`${year}-`))
      throw invalid('calendar.date_outside_year', `${field}[${i}]`, `${field}[${i}] ${day} is not in ${year} (日期不在该年度内)`);
    if (seen.has(day)) throw invalid('calendar.date_duplicated', `${field}[${i}]`, `${field}[${i}] ${day} is listed twice (日期重复)`);
    seen.add(day);
    return day;
  });
}

/**
 * Checks one year as an office loads it: every date a real day of that year, none listed twice,
 * none both a holiday and a make-up day, and every make-up day a Saturday or Sunday (a weekday is
 * a working day already). Answers the year with both lists sorted.
 */
export function validateCalendarYear(year: number, input: CalendarYearInput): CalendarYearInput {
  const holidays = days(input?.holidays, 'holidays', year);
  const makeupWorkdays = days(input?.makeupWorkdays, 'makeupWorkdays', year);
  const holidaySet = new Set(holidays);
  makeupWorkdays.forEach((day, i) => {
    if (holidaySet.has(day))
      throw invalid(
        'calendar.holiday_and_makeup',
        `makeupWorkdays[${i}]`,
        `${day} is both a holiday and a make-up working day (同一日期不能既是节假日又是调休上班日)`,
      );
    if (cstIsoWeekday(cstDayStart(day)) <= 5)
      throw invalid(
        'calendar.makeup_not_weekend',
        `makeupWorkdays[${i}]`,
        `${day} is a weekday: a make-up working day is a Saturday or Sunday (调休上班日须为周末)`,
      );
  });
  return { holidays: [...holidays].sort(), makeupWorkdays: [...makeupWorkdays].sort() };
}
