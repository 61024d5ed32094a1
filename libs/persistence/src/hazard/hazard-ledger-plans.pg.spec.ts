import { beforeAll, describe, expect, it } from 'vitest';
import type { HazardLedgerSort } from '@duban/domain';
import type { HazardLedgerFilter, HazardSummaryFilter } from './hazard-ledger-rows';
import { HazardLedgerReader } from './hazard-ledger-reader';
import { seedHazardLedger, seededIndustry, seededUnitId } from '../testing/hazard-ledger-seed';
import { useLedgerDatabase } from '../testing/ledger-database';
import { indexDefinitions, planScans, recordingQueries } from '../testing/query-plans';

/**
 * Every filter GET /hazards and its summary offer is served by an index on what it filters:
 * each statement the reader runs is planned with sequential scans priced out, and every read of
 * hazard_ledger must go through an index whose definition names the filtered column (a partial
 * index's predicate counts) — or, for the page, the column it is ordered by (walking the deadline
 * index and filtering is the planner's choice when a filter matches many rows and only the first 50
 * are wanted). A filter added without its index fails here.
 */
const LIST_FILTERS: Array<[string, HazardLedgerFilter, string]> = [
  ['unitId', { unitId: seededUnitId(7) }, 'unit_id'],
  ['industry', { industry: seededIndustry(3) }, 'industry'],
  ['grade', { grade: 'major' }, 'grade'],
  ['status', { status: 'awaiting_verification' }, 'status'],
  ['campaignId', { campaignId: 'campaign-1' }, 'campaign_id'],
  ['listingLevel', { listingLevel: 'city' }, 'listing_level'],
  ['overdue', { overdue: true }, 'overdue'],
  ['listedForSupervision', { listedForSupervision: true }, 'listed_for_supervision'],
  ['bounds (属地)', { bounds: { regionId: 'region-1' } }, 'unit_id'],
];
/** Each sort GET /hazards offers, and the leading columns of the index that serves it. */
const SORTS: Array<[HazardLedgerSort, string]> = [
  ['deadline', 'deadline'],
  ['-deadline', 'deadline'],
  ['reportedAt', 'reported_at, hazard_id'],
  ['-reportedAt', 'reported_at, hazard_id'],
  ['grade', 'grade, deadline, hazard_id'],
  ['-grade', 'grade, deadline, hazard_id'],
];
const SUMMARY_FILTERS: Array<[string, HazardSummaryFilter, string]> = [
  ['unitId', { unitId: seededUnitId(7) }, 'unit_id'],
  ['campaignId', { campaignId: 'campaign-1' }, 'campaign_id'],
];

describe('hazard ledger query plans on PostgreSQL', () => {
  const db = useLedgerDatabase('hazard_plans');
  let indexes: Map<string, string>;
  beforeAll(async () => {
    await seedHazardLedger(db.dataSource, { hazards: 20_000, units: 2_000, industries: 20, campaignHazards: 4_000, campaignId: 'campaign-1' });
    indexes = await indexDefinitions(db.dataSource, 'hazard_ledger');
  });

  /** The hazard_ledger reads of every statement `read` runs, each with its index's definition. */
  async function ledgerReads(read: (reader: HazardLedgerReader) => Promise<unknown>) {
    const { dataSource, queries } = recordingQueries(db.dataSource);
    await read(new HazardLedgerReader(dataSource));
    expect(queries.length).toBeGreaterThan(0);
    const scans = await Promise.all(queries.map((q) => planScans(db.dataSource, q, { seqScan: false })));
    return queries.flatMap((q, i) =>
      scans[i]!.filter((s) => s.relation === 'hazard_ledger').map((s) => ({
        ...s,
        ordered: /ORDER BY/.test(q.sql),
        definition: s.index ? indexes.get(s.index) : undefined,
      })),
    );
  }

  it.each(LIST_FILTERS)('lists by %s through an index on it', async (_name, filter, column) => {
    const reads = await ledgerReads((reader) => reader.list(filter));
    expect(reads.map((r) => r.ordered).sort()).toEqual([false, true]);
    for (const read of reads)
      expect(read.definition ?? `${read.node} without an index`, JSON.stringify(read)).toMatch(
        new RegExp(read.ordered ? `\\b(${column}|deadline)\\b` : `\\b${column}\\b`),
      );
  });

  it.each(SORTS)('orders by sort=%s through an index on its columns, a page and a keyset page alike', async (sort, columns) => {
    const reads = await ledgerReads(async (reader) => {
      await reader.list({ sort, limit: 50 });
      // Two keyset pages of one row: the second starts after the first's row.
      let rows = 0;
      for await (const _row of reader.stream({ sort }, 1)) if (++rows === 2) break;
    });
    const ordered = reads.filter((read) => read.ordered);
    expect(ordered.length).toBeGreaterThan(0);
    for (const read of ordered) expect(read.definition ?? `${read.node} without an index`, JSON.stringify(read)).toMatch(new RegExp(`\\(${columns}`));
  });

  it.each(SUMMARY_FILTERS)('summarises by %s through an index on it', async (_name, filter, column) => {
    const reads = await ledgerReads((reader) => reader.summary(filter));
    for (const read of reads) expect(read.definition ?? `${read.node} without an index`, JSON.stringify(read)).toMatch(new RegExp(`\\b${column}\\b`));
  });

  it('would fail a filter no index serves: the description is not indexed, and the check says so', async () => {
    const { dataSource, queries } = recordingQueries(db.dataSource);
    await dataSource.query('SELECT hazard_id FROM hazard_ledger WHERE description = $1', ['描述']);
    const [scan] = (await planScans(db.dataSource, queries[0]!, { seqScan: false })).filter((s) => s.relation === 'hazard_ledger');
    expect(scan).toMatchObject({ node: 'Seq Scan', index: undefined });
  });
});
