import { conflict, invalid, validateCalendarYear } from '@duban/domain';
import { officeCalendarSource, type OfficeCalendarYear, type PutCalendarYearInput, type WorkCalendarYears } from '@duban/persistence';

type Store = Pick<WorkCalendarYears, 'current' | 'year' | 'history' | 'put'>;

/**
 * The office-loaded calendar years in memory, for API specs without PostgreSQL (override
 * `WorkCalendarYears` with it). Versions and refusals as the SQL store's (work-calendar-years.pg.spec).
 */
export class InMemoryWorkCalendarYears implements Store {
  private readonly versions = new Map<number, OfficeCalendarYear[]>();

  async current(): Promise<OfficeCalendarYear[]> {
    return [...this.versions.values()].map((v) => v.at(-1)!).sort((a, b) => a.year - b.year);
  }

  async year(year: number): Promise<OfficeCalendarYear | undefined> {
    return this.versions.get(year)?.at(-1);
  }

  async history(year: number): Promise<OfficeCalendarYear[]> {
    return [...(this.versions.get(year) ?? [])];
  }

  async put(input: PutCalendarYearInput, now: Date): Promise<{ year: OfficeCalendarYear; changed: boolean }> {
    const days = validateCalendarYear(input.year, input);
    if (!input.reason?.trim()) throw invalid('input.required', 'reason', 'reason is required');
    const versions = this.versions.get(input.year) ?? [];
    const current = versions.at(-1);
    if ((current?.version ?? 0) !== (input.expectedVersion ?? 0))
      throw conflict('calendar.version_stale', `the ${input.year} work calendar is at version ${current?.version ?? 0}`);
    if (current && JSON.stringify([current.holidays, current.makeupWorkdays]) === JSON.stringify([days.holidays, days.makeupWorkdays]))
      return { year: current, changed: false };
    const at = now.toISOString();
    const version = (current?.version ?? 0) + 1;
    const next: OfficeCalendarYear = {
      year: input.year,
      version,
      source: officeCalendarSource(version),
      ...days,
      change: current ? 'updated' : 'created',
      reason: input.reason,
      changedBy: input.actor,
      validFrom: at,
    };
    this.versions.set(input.year, [...versions.map((v) => (v === current ? { ...v, validTo: at } : v)), next]);
    return { year: next, changed: true };
  }
}
