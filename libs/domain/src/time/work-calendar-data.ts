import { sha256Hex } from './sha256';

/**
 * One year of the official schedule (国务院办公厅关于节假日安排的通知): the public holidays
 * (放假) and the 调休 make-up working days (weekend days that are worked), as China calendar
 * days 'YYYY-MM-DD', and where the year comes from (`chinese-days@1.5.7`, `office.v2` …).
 */
export interface WorkCalendarYear {
  holidays: string[];
  makeupWorkdays: string[];
  source: string;
}

/**
 * A work calendar as data: the years it covers and nothing else (a day in any other year has no
 * answer). Resolved outside workflow code and handed to workflows in their input, so a running
 * workflow keeps the calendar it started with whatever is loaded later.
 */
export interface WorkCalendarData {
  /** Derived from the content (workCalendarVersion): recorded beside every deadline computed on it. */
  version: string;
  years: Record<string, WorkCalendarYear>;
}

/**
 * The version of a set of years: each year with its source, then the first 12 hex digits of the
 * SHA-256 of the canonical content (years ascending, dates sorted), e.g.
 * `2026:chinese-days@1.5.7+2027:office.v1#3f9c0a…`. Two calendars with one version hold the same
 * days; the readable part says where they came from.
 */
export function workCalendarVersion(years: Record<string, WorkCalendarYear>): string {
  const keys = Object.keys(years).sort();
  const canonical = keys.map((year) => {
    const { holidays, makeupWorkdays, source } = years[year];
    return [year, source, [...holidays].sort(), [...makeupWorkdays].sort()];
  });
  const label = keys.map((year) => `${year}:${years[year].source}`).join('+');
  return `${label || 'empty'}#${sha256Hex(JSON.stringify(canonical)).slice(0, 12)}`;
}

/** Calendar data over `years`, its version derived from them. */
export function workCalendarData(years: Record<string, WorkCalendarYear>): WorkCalendarData {
  return { version: workCalendarVersion(years), years };
}

/** The covered years from `from` to `to` (inclusive) of `data`, as data of their own (with its own version). */
export function calendarYearsBetween(data: WorkCalendarData, from: number, to = Number.POSITIVE_INFINITY): WorkCalendarData {
  const years = Object.fromEntries(Object.entries(data.years).filter(([year]) => Number(year) >= from && Number(year) <= to));
  return workCalendarData(years);
}
