import schedule from 'chinese-days/dist/chinese-days.json';
import chineseDaysPackage from 'chinese-days/package.json';
import type { WorkCalendarYear } from '@duban/domain';

/**
 * The State Council's holiday schedule (放假调休安排) as the `chinese-days` package carries it
 * (through 2026 in 1.5.7), turned into calendar years. The domain never imports the package: it
 * receives these years as data, each labelled with the package's version, so an upgrade shows in
 * the calendar version recorded beside every deadline and never changes a running workflow.
 */
export const OFFICIAL_SCHEDULE_SOURCE = `chinese-days@${chineseDaysPackage.version}`;

interface ChineseDaysSchedule {
  /** Day → "English name,中文名,days": public holidays. */
  holidays: Record<string, string>;
  /** Day → festival: the 调休 make-up working days. */
  workdays: Record<string, string>;
}

function byYear(days: Record<string, string>): Map<string, string[]> {
  const years = new Map<string, string[]>();
  for (const day of Object.keys(days).sort()) {
    const year = day.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), day]);
  }
  return years;
}

/** Every year the package carries, keyed by year ('2004' … '2026'). */
export function officialScheduleYears(source: ChineseDaysSchedule = schedule): Record<string, WorkCalendarYear> {
  const holidays = byYear(source.holidays);
  const makeup = byYear(source.workdays);
  const years = [...new Set([...holidays.keys(), ...makeup.keys()])].sort();
  return Object.fromEntries(
    years.map((year) => [year, { holidays: holidays.get(year) ?? [], makeupWorkdays: makeup.get(year) ?? [], source: OFFICIAL_SCHEDULE_SOURCE }]),
  );
}
