import type { DataSource, EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import { conflict, invalid, validateCalendarYear, type Actor, type CalendarYearInput } from '@duban/domain';
import { WorkCalendarYearRecord } from './work-calendar-year-record.entity';

/** One version of a year the office loaded, with who, when and why. */
export interface OfficeCalendarYear {
  year: number;
  version: number;
  /** `office.v<version>`: the year's source in a calendar version. */
  source: string;
  holidays: string[];
  makeupWorkdays: string[];
  change: 'created' | 'updated';
  reason: string;
  changedBy: Actor;
  validFrom: string;
  validTo?: string;
}

export interface PutCalendarYearInput extends CalendarYearInput {
  year: number;
  /** The version the writer read (absent or 0 when the year has none yet). */
  expectedVersion?: number;
  reason: string;
  actor: Actor;
}

const UNIQUE_VIOLATION = '23505';

export const officeCalendarSource = (version: number) => `office.v${version}`;

function toYear(r: WorkCalendarYearRecord): OfficeCalendarYear {
  return {
    year: r.year,
    version: r.version,
    source: officeCalendarSource(r.version),
    holidays: r.holidays,
    makeupWorkdays: r.makeupWorkdays,
    change: r.change,
    reason: r.reason,
    changedBy: { id: r.changedById, name: r.changedByName, role: r.changedByRole, ...(r.changedByUnit ? { unitId: r.changedByUnit } : {}) },
    validFrom: r.validFrom.toISOString(),
    ...(r.validTo ? { validTo: r.validTo.toISOString() } : {}),
  };
}

const sameDays = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((day, i) => day === b[i]);

/**
 * The years of the work calendar the office loaded (工作日历), kept as versions: a write closes
 * the current version and adds the next one, naming who, when and why. Writes carry the version
 * they read (a stale one is refused, 409) and an unchanged write adds nothing.
 */
export class WorkCalendarYears {
  constructor(private readonly dataSource: DataSource) {}

  /** The current version of every loaded year, ascending. */
  async current(): Promise<OfficeCalendarYear[]> {
    const rows = await this.dataSource.getRepository(WorkCalendarYearRecord).find({ where: { validTo: IsNull() }, order: { year: 'ASC' } });
    return rows.map(toYear);
  }

  /** The current version of `year`, if the office loaded it. */
  async year(year: number): Promise<OfficeCalendarYear | undefined> {
    const row = await this.dataSource.getRepository(WorkCalendarYearRecord).findOneBy({ year, validTo: IsNull() });
    return row ? toYear(row) : undefined;
  }

  /** Every version of `year`, oldest first. */
  async history(year: number): Promise<OfficeCalendarYear[]> {
    const rows = await this.dataSource.getRepository(WorkCalendarYearRecord).find({ where: { year }, order: { version: 'ASC' } });
    return rows.map(toYear);
  }

  /** The version of `year` in force at `at` (valid_from <= at < valid_to). */
  async yearAsOf(year: number, at: Date): Promise<OfficeCalendarYear | undefined> {
    const rows: WorkCalendarYearRecord[] = await this.dataSource
      .getRepository(WorkCalendarYearRecord)
      .createQueryBuilder('y')
      .where('y.year = :year AND y.valid_from <= :at AND (y.valid_to IS NULL OR y.valid_to > :at)', { year, at })
      .getMany();
    return rows[0] ? toYear(rows[0]) : undefined;
  }

  /** Loads or replaces `input.year` (validated here too); answers the version now current and whether this write made it. */
  async put(input: PutCalendarYearInput, now: Date): Promise<{ year: OfficeCalendarYear; changed: boolean }> {
    const days = validateCalendarYear(input.year, input);
    if (typeof input.reason !== 'string' || input.reason.trim() === '')
      throw invalid('input.required', 'reason', 'reason is required: every change to the work calendar says why (事由)');
    try {
      return await this.dataSource.transaction((manager) => this.write(manager, input, days, now));
    } catch (error) {
      // Two first loads of one year at once: the primary key lets one in.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw stale(input.year, input.expectedVersion, undefined);
      throw error;
    }
  }

  private async write(
    manager: EntityManager,
    input: PutCalendarYearInput,
    days: CalendarYearInput,
    now: Date,
  ): Promise<{ year: OfficeCalendarYear; changed: boolean }> {
    const repository = manager.getRepository(WorkCalendarYearRecord);
    const current = await repository.findOne({ where: { year: input.year, validTo: IsNull() }, lock: { mode: 'pessimistic_write' } });
    const expected = input.expectedVersion ?? 0;
    if ((current?.version ?? 0) !== expected) throw stale(input.year, input.expectedVersion, current?.version);
    if (current && sameDays(current.holidays, days.holidays) && sameDays(current.makeupWorkdays, days.makeupWorkdays)) {
      return { year: toYear(current), changed: false };
    }
    if (current) await repository.update({ year: current.year, version: current.version }, { validTo: now });
    const next = repository.create({
      year: input.year,
      version: expected + 1,
      holidays: days.holidays,
      makeupWorkdays: days.makeupWorkdays,
      change: current ? 'updated' : 'created',
      reason: input.reason,
      changedById: input.actor.id,
      changedByName: input.actor.name,
      changedByRole: input.actor.role,
      changedByUnit: input.actor.unitId ?? null,
      validFrom: now,
      validTo: null,
    });
    await repository.insert(next);
    return { year: toYear(next), changed: true };
  }
}

function stale(year: number, expected: number | undefined, current: number | undefined) {
  return conflict(
    'calendar.version_stale',
    `the ${year} work calendar is at version ${current ?? 'unknown (just loaded by someone else)'}, not ${expected ?? 0}: read it again and retry (工作日历已被修改)`,
  );
}
