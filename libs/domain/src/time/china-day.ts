import { invalid } from '../rejection';

/**
 * Calendar days in China Standard Time (UTC+8, no daylight saving): the day a 一日一报 belongs
 * to, the day a working-day calendar looks up. Every "which day is it in China" question in
 * Duban goes through these functions.
 */
export const CST_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** 'YYYY-MM-DD' of the instant in China Standard Time. */
export function cstDate(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether `text` is a real calendar day spelled 'YYYY-MM-DD' (2026-02-30 is not). */
export function isCstDay(text: unknown): text is string {
  if (typeof text !== 'string' || !DAY_PATTERN.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `text` as a China calendar day, or a rejection naming `field`. */
export function parseCstDay(text: unknown, field: string): string {
  if (!isCstDay(text))
    throw invalid('input.malformed', field, `${field} ${JSON.stringify(text)} is not a calendar day (YYYY-MM-DD, China Standard Time)`);
  return text;
}

/** The first instant of the China calendar day `day` (00:00 +08:00). */
export function cstDayStart(day: string): Date {
  if (!isCstDay(day)) throw new RangeError(`not a calendar day: ${JSON.stringify(day)}`);
  return new Date(Date.parse(`${day}T00:00:00+08:00`));
}

/** The first instant after the China calendar day `day` (the next day's 00:00 +08:00). */
export function cstDayEnd(day: string): Date {
  return new Date(cstDayStart(day).getTime() + DAY_MS);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of the instant in China Standard Time. */
export function cstIsoWeekday(instant: Date): number {
  const weekday = new Date(instant.getTime() + CST_OFFSET_MS).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}
