import { describe, expect, it } from 'vitest';
import { HAZARD_LEDGER_SORTS, hazardLedgerOrder, type HazardLedgerSort } from '@duban/domain';
import type { HazardLedgerRow } from './hazard-ledger-rows';
import { seedHazardLedger, seededUnitId } from '../testing/hazard-ledger-seed';
import { useLedgerDatabase } from '../testing/ledger-database';
import { HazardLedgerReader } from './hazard-ledger-reader';

// The export's read (隐患台账导出): every row the list's filters match, page after keyset page.

describe('hazard ledger stream on PostgreSQL', () => {
  const db = useLedgerDatabase('hazard_stream');

  const collect = async (rows: AsyncIterable<{ hazardId: string }>) => {
    const ids: string[] = [];
    for await (const row of rows) ids.push(row.hazardId);
    return ids;
  };

  it('yields every row once, in the list’s order, across pages that end inside a shared deadline', async () => {
    // 900 hazards over 90 deadlines, each with microseconds (now()): ten rows share every deadline.
    await seedHazardLedger(db.dataSource, { hazards: 900, units: 30, industries: 3, campaignHazards: 0, campaignId: 'none' });
    const reader = new HazardLedgerReader(db.dataSource);
    const streamed = await collect(reader.stream({}, 7));
    expect(streamed).toHaveLength(900);
    expect(new Set(streamed).size).toBe(900);
    const listed: string[] = [];
    for (let offset = 0; offset < 900; offset += 500) listed.push(...(await reader.list({ limit: 500, offset })).items.map((row) => row.hazardId));
    expect(streamed).toEqual(listed);
  });

  it('applies the list’s filters and bounds', async () => {
    const reader = new HazardLedgerReader(db.dataSource);
    const filter = { grade: 'major' as const, status: 'rectifying' as const };
    const listed = (await reader.list({ ...filter, limit: 500 })).items.map((row) => row.hazardId);
    expect(listed.length).toBeGreaterThan(0);
    expect(await collect(reader.stream(filter, 4))).toEqual(listed);
    const unit = seededUnitId(3);
    const own = await collect(reader.stream({ bounds: { unitId: unit } }, 5));
    expect(own).toEqual((await reader.list({ unitId: unit, limit: 500 })).items.map((row) => row.hazardId));
  });

  /** Whether `a` may come before `b` in `sort`'s order, judged on its first field (the id's collation is PostgreSQL's to judge). */
  const inOrder = (sort: HazardLedgerSort, a: HazardLedgerRow, b: HazardLedgerRow) => {
    const { fields, descending } = hazardLedgerOrder(sort);
    const field = fields[0] as 'deadline' | 'reportedAt' | 'grade';
    return descending ? a[field] >= b[field] : a[field] <= b[field];
  };

  it.each(HAZARD_LEDGER_SORTS)('pages by sort=%s: every row once, in its order, by offset as by keyset', async (sort) => {
    // The seed's 900 rows share each deadline ten times, each registration time two or three times, each grade hundreds of times.
    const reader = new HazardLedgerReader(db.dataSource);
    const listed: HazardLedgerRow[] = [];
    for (let offset = 0; offset < 900; offset += 100) listed.push(...(await reader.list({ sort, limit: 100, offset })).items);
    expect(listed).toHaveLength(900);
    expect(new Set(listed.map((row) => row.hazardId)).size).toBe(900);
    for (let i = 1; i < listed.length; i++) expect(inOrder(sort, listed[i - 1]!, listed[i]!), `${sort} at ${i}`).toBe(true);
    const streamed = await collect(reader.stream({ sort }, 7));
    expect(streamed).toEqual(listed.map((row) => row.hazardId));
  });

  it('reverses an order with a leading minus, ties included', async () => {
    const reader = new HazardLedgerReader(db.dataSource);
    for (const sort of ['deadline', 'reportedAt', 'grade'] as const) {
      const forwards = await collect(reader.stream({ sort }, 50));
      expect(await collect(reader.stream({ sort: `-${sort}` }, 50))).toEqual([...forwards].reverse());
    }
  });
});
