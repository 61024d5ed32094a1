import { calendarYearsBetween, workCalendarData, type WorkCalendarData, type WorkCalendarYear } from '@duban/domain';
import { officialScheduleYears } from './official-schedule';
import type { OfficeCalendarYear, WorkCalendarYears } from './work-calendar-years';

/** Where each covered year comes from: the office's current version wins over the package's. */
export interface CoveredCalendarYear {
  year: number;
  origin: 'official_package' | 'office';
  source: string;
  /** The content version of this year alone (workCalendarVersion). */
  version: string;
  holidays: string[];
  makeupWorkdays: string[];
  /** For an office year: its current version with who, when and why. */
  office?: OfficeCalendarYear;
}

/**
 * The work calendar as Duban holds it now: the chinese-days years overlaid with the years the
 * office loaded (an office year replaces the package's, so an office can correct or add a year).
 * What workflows get is a slice of it (`from` on), as data.
 */
export class WorkCalendarSource {
  private readonly official: Record<string, WorkCalendarYear>;

  constructor(
    private readonly officeYears: Pick<WorkCalendarYears, 'current'>,
    official: Record<string, WorkCalendarYear> = officialScheduleYears(),
  ) {
    this.official = official;
  }

  /** Every covered year, ascending. */
  async years(): Promise<CoveredCalendarYear[]> {
    const office = new Map((await this.officeYears.current()).map((y) => [String(y.year), y]));
    const keys = [...new Set([...Object.keys(this.official), ...office.keys()])].sort();
    return keys.map((key) => {
      const loaded = office.get(key);
      const year: WorkCalendarYear = loaded
        ? { holidays: loaded.holidays, makeupWorkdays: loaded.makeupWorkdays, source: loaded.source }
        : this.official[key]!;
      return {
        year: Number(key),
        origin: loaded ? 'office' : 'official_package',
        source: year.source,
        version: workCalendarData({ [key]: year }).version,
        holidays: year.holidays,
        makeupWorkdays: year.makeupWorkdays,
        ...(loaded ? { office: loaded } : {}),
      };
    });
  }

  /** The calendar over the covered years from `from` on (to `to`), with its version. */
  async calendar(from: number, to?: number): Promise<WorkCalendarData> {
    const years = await this.years();
    const all = Object.fromEntries(
      years.map((y): [string, WorkCalendarYear] => [String(y.year), { holidays: y.holidays, makeupWorkdays: y.makeupWorkdays, source: y.source }]),
    );
    return calendarYearsBetween(workCalendarData(all), from, to);
  }
}
