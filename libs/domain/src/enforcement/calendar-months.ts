import { isCstDay } from '../time/china-day';

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is this month's last day; setUTCFullYear reads years 0–99 as written.
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The China calendar day `months` calendar months after `day` (both 'YYYY-MM-DD'): the same day of
 * that month, or its last day when it has no such day — 31 Jan + 1 month is 28 Feb (29 Feb in a
 * leap year), 31 Mar + 1 month is 30 Apr. Negative `months` count back the same way.
 */
export function addCalendarMonths(day: string, months: number): string {
  if (!isCstDay(day)) throw new RangeError(`not a calendar day: ${JSON.stringify(day)}`);
  if (!Number.isInteger(months)) throw new RangeError(`months must be whole, got ${months}`);
  const [y, m, d] = day.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(d, daysInMonth(year, month)), 2)}`;
}

/**
 * Whether `later` falls within `months` calendar months of `earlier` (China days): on or after it,
 * and on or before the same day `months` months on (addCalendarMonths). "Within one month" of
 * 1 March is up to and including 1 April; of 31 January, up to and including 28 (or 29) February.
 */
export function withinCalendarMonths(earlier: string, later: string, months: number): boolean {
  return later >= earlier && later <= addCalendarMonths(earlier, months);
}
