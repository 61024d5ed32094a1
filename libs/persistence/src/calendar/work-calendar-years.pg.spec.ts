import { beforeAll, describe, expect, it } from 'vitest';
import { DomainRejection, workCalendarOf, addSpan, workdays, type Actor } from '@duban/domain';
import { useLedgerDatabase } from '../testing/ledger-database';
import { WorkCalendarSource } from './work-calendar-source';
import { WorkCalendarYears } from './work-calendar-years';

const OFFICE: Actor = { id: 'office-1', name: '安委办 王主任', role: 'office' };
const DEPUTY: Actor = { id: 'office-2', name: '安委办 李科长', role: 'office' };
const T1 = new Date('2026-12-01T02:00:00.000Z');
const T2 = new Date('2026-12-05T02:00:00.000Z');
const YEAR_2027 = { holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08'], makeupWorkdays: ['2027-01-30'] };

async function rejection(promise: Promise<unknown>): Promise<DomainRejection> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainRejection)) throw new Error(`expected a rejection, got ${String(error)}`);
  return error;
}

describe('work calendar years loaded by the office, on PostgreSQL', () => {
  const db = useLedgerDatabase('work_calendar');
  let years: WorkCalendarYears;
  beforeAll(() => {
    years = new WorkCalendarYears(db.dataSource);
  });

  it('a first load is version 1 with who, when and why; a change closes it and adds version 2', async () => {
    const first = await years.put({ year: 2027, ...YEAR_2027, reason: '国务院办公厅2027年放假通知', actor: OFFICE }, T1);
    expect(first).toMatchObject({ changed: true, year: { year: 2027, version: 1, source: 'office.v1', change: 'created', changedBy: OFFICE } });
    expect(first.year.validFrom).toBe(T1.toISOString());

    const moved = { holidays: [...YEAR_2027.holidays, '2027-02-09'], makeupWorkdays: YEAR_2027.makeupWorkdays };
    const second = await years.put({ year: 2027, ...moved, expectedVersion: 1, reason: '补充春节假期', actor: DEPUTY }, T2);
    expect(second.year).toMatchObject({ version: 2, change: 'updated', reason: '补充春节假期', changedBy: DEPUTY, holidays: moved.holidays });

    const history = await years.history(2027);
    expect(history.map((v) => [v.version, v.validFrom, v.validTo ?? null])).toEqual([
      [1, T1.toISOString(), T2.toISOString()],
      [2, T2.toISOString(), null],
    ]);
    expect((await years.yearAsOf(2027, new Date('2026-12-03T00:00:00Z')))?.version).toBe(1);
    expect((await years.yearAsOf(2027, T2))?.version).toBe(2);
    expect(await years.yearAsOf(2027, new Date('2026-11-30T00:00:00Z'))).toBeUndefined();
    expect((await years.year(2027))?.version).toBe(2);
  });

  it('refuses a write from a stale version (409) and writes nothing', async () => {
    await years.put({ year: 2028, holidays: ['2028-01-01'], makeupWorkdays: [], reason: '初次载入', actor: OFFICE }, T1);
    const stale = await rejection(years.put({ year: 2028, holidays: [], makeupWorkdays: [], reason: '改', actor: DEPUTY }, T2));
    expect(stale.code).toBe('calendar.version_stale');
    expect(stale.kind).toBe('conflict');
    expect(await db.count('work_calendar_year WHERE year = 2028')).toBe(1);
  });

  it('an unchanged write adds no version', async () => {
    await years.put({ year: 2029, holidays: ['2029-01-01'], makeupWorkdays: [], reason: '初次载入', actor: OFFICE }, T1);
    const again = await years.put(
      { year: 2029, holidays: ['2029-01-01'], makeupWorkdays: [], expectedVersion: 1, reason: '重复提交', actor: OFFICE },
      T2,
    );
    expect(again).toMatchObject({ changed: false, year: { version: 1, reason: '初次载入' } });
    expect(await db.count('work_calendar_year WHERE year = 2029')).toBe(1);
  });

  it('of several first loads of one year at once, one wins and the others are stale', async () => {
    const results = await Promise.allSettled(
      [OFFICE, DEPUTY, OFFICE].map((actor, n) =>
        years.put({ year: 2030, holidays: [`2030-01-0${n + 1}`], makeupWorkdays: [], reason: `并发 ${n}`, actor }, T1),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) expect(r.reason.code).toBe('calendar.version_stale');
    expect(await db.count('work_calendar_year WHERE year = 2030')).toBe(1);
  });

  it('validates the year before writing (field-named) and requires a reason', async () => {
    const wrongYear = await rejection(years.put({ year: 2031, holidays: ['2030-12-31'], makeupWorkdays: [], reason: 'x', actor: OFFICE }, T1));
    expect([wrongYear.code, wrongYear.field]).toEqual(['calendar.date_outside_year', 'holidays[0]']);
    const noReason = await rejection(years.put({ year: 2031, holidays: [], makeupWorkdays: [], reason: ' ', actor: OFFICE }, T1));
    expect([noReason.code, noReason.field]).toEqual(['input.required', 'reason']);
    expect(await db.count('work_calendar_year WHERE year = 2031')).toBe(0);
  });

  it('the source overlays office years on the package years; a calendar from 2026 on covers 2027 once loaded', async () => {
    const source = new WorkCalendarSource(years);
    const covered = await source.years();
    expect(covered.find((y) => y.year === 2026)).toMatchObject({ origin: 'official_package', source: 'chinese-days@1.5.7' });
    expect(covered.find((y) => y.year === 2027)).toMatchObject({ origin: 'office', source: 'office.v2' });
    const data = await source.calendar(2026, 2027);
    expect(Object.keys(data.years)).toEqual(['2026', '2027']);
    expect(data.version).toMatch(/^2026:chinese-days@1\.5\.7\+2027:office\.v2#[0-9a-f]{12}$/);
    // Friday 2027-01-29 + 1 working day: the make-up Saturday 2027-01-30 as loaded.
    const calendar = workCalendarOf(data);
    expect(addSpan(new Date('2027-01-29T09:00:00+08:00'), workdays(1), calendar)).toEqual(new Date('2027-01-30T09:00:00+08:00'));
  });
});
