import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CampaignLedgerReader } from '../campaign/campaign-ledger-reader';
import { HazardLedgerReader } from '../hazard/hazard-ledger-reader';
import { useLedgerDatabase } from '../testing/ledger-database';

// The audit trails (履职记录) are read a page at a time, keyset on (unit, seq): a 3,000-unit,
// 100-day campaign (300,100 events) is never one answer, and a page deep in it is one index range.

const UNITS = 3_000;
const DAYS = 100;
const unitId = (n: number) => `unit-${String(n).padStart(4, '0')}`;

type Key = { unitId: string | null; seq: number };

describe('audit trail paging on PostgreSQL', () => {
  const db = useLedgerDatabase('trail_paging');
  let campaigns: CampaignLedgerReader;
  let hazards: HazardLedgerReader;

  beforeAll(async () => {
    campaigns = new CampaignLedgerReader(db.dataSource);
    hazards = new HazardLedgerReader(db.dataSource);
    // Unit 0 stands for the campaign's own events (unit_id ''); one event per unit per day.
    await db.dataSource.query(
      `INSERT INTO campaign_event (campaign_id, unit_id, seq, type, at, actor_id, actor_name, actor_role, actor_unit_id, reason, data)
       SELECT c, CASE WHEN u = 0 THEN '' ELSE 'unit-' || lpad(u::text, 4, '0') END, s, 'report_submitted',
              timestamptz '2026-06-01T01:00:00Z' + s * interval '1 day', 'a-' || u, '安全员', 'unit', NULL, '一日一报', '{}'::jsonb
         FROM unnest(ARRAY['BIG', 'OTHER']) c, generate_series(0, $1::int) u, generate_series(1, $2::int) s
        WHERE c = 'BIG' OR u < 3`,
      [UNITS, DAYS],
    );
    await db.dataSource.query(
      `INSERT INTO hazard_event (hazard_id, seq, type, at, actor_id, actor_name, actor_role, actor_unit_id, reason, data)
       SELECT 'H-' || h, s, 'progress_reported', timestamptz '2026-06-01T01:00:00Z' + s * interval '1 hour', 'u', '安全员', 'unit', 'unit-a', '整改进展', '{}'::jsonb
         FROM generate_series(1, 2000) h, generate_series(1, 25) s
       UNION ALL
       SELECT 'H-long', s, 'progress_reported', timestamptz '2026-06-01T01:00:00Z' + s * interval '1 hour', 'u', '安全员', 'unit', 'unit-a', '整改进展', '{}'::jsonb
         FROM generate_series(1, 250) s`,
    );
    await db.dataSource.query('ANALYZE campaign_event, hazard_event');
  }, 120_000);

  it('pages through the whole 3,000-unit, 100-day trail in (unit, seq) order, every page bounded, none empty', async () => {
    const expected: Array<{ unit_id: string; seq: number }> = await db.dataSource.query(
      `SELECT unit_id, seq FROM campaign_event WHERE campaign_id = 'BIG' ORDER BY unit_id, seq`,
    );
    expect(expected).toHaveLength((UNITS + 1) * DAYS);
    const seen: string[] = [];
    let after: Key | undefined;
    let pages = 0;
    for (;;) {
      const page = await campaigns.events('BIG', { after, limit: 500 });
      pages++;
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.length).toBeLessThanOrEqual(500);
      seen.push(...page.items.map((e) => `${e.unitId ?? ''}/${e.seq}`));
      if (page.next === null) break;
      const last = page.items[page.items.length - 1]!;
      expect(page.next).toEqual({ unitId: last.unitId, seq: last.seq });
      after = page.next;
    }
    expect(pages).toBe(Math.ceil(((UNITS + 1) * DAYS) / 500));
    expect(seen).toEqual(expected.map((r) => `${r.unit_id}/${r.seq}`));
  });

  it('answers 100 events by default, the campaign’s own first (unitId null), and caps a page at 500', async () => {
    const first = await campaigns.events('BIG');
    expect(first.items).toHaveLength(100);
    expect(first.items.every((e) => e.unitId === null)).toBe(true);
    expect(first.next).toEqual({ unitId: null, seq: 100 });
    const second = await campaigns.events('BIG', { after: first.next! });
    expect(second.items[0]).toMatchObject({ unitId: unitId(1), seq: 1 });
    expect((await campaigns.events('BIG', { limit: 10_000 })).items).toHaveLength(500);
    expect(await campaigns.events('NONE')).toEqual({ items: [], next: null });
  });

  it('a unit’s view: the campaign’s own events, then its own, and nothing of another unit or campaign', async () => {
    const own = unitId(42);
    const first = await campaigns.events('BIG', { unitIds: [null, own], limit: 150 });
    expect(first.items.map((e) => e.unitId)).toEqual([...Array(100).fill(null), ...Array(50).fill(own)]);
    expect(first.next).toEqual({ unitId: own, seq: 50 });
    const rest = await campaigns.events('BIG', { unitIds: [null, own], after: first.next!, limit: 150 });
    expect(rest.items.map((e) => [e.unitId, e.seq])).toEqual(Array.from({ length: 50 }, (_, i) => [own, 51 + i]));
    expect(rest.next).toBeNull();
    const oneUnit = await campaigns.events('BIG', { unitIds: [unitId(7)], after: { unitId: unitId(7), seq: 95 } });
    expect(oneUnit.next).toBeNull();
    expect(oneUnit.items.map((e) => [e.unitId, e.seq])).toEqual([96, 97, 98, 99, 100].map((seq) => [unitId(7), seq]));
    // A key from elsewhere in the trail does not widen the filter.
    const fromOtherUnit = await campaigns.events('BIG', { unitIds: [null, own], after: { unitId: unitId(1), seq: 3 } });
    expect(new Set(fromOtherUnit.items.map((e) => e.unitId))).toEqual(new Set([own]));
  });

  it('pages a hazard’s trail on seq', async () => {
    const pages = [];
    let afterSeq: number | undefined;
    do {
      const page = await hazards.events('H-long', { afterSeq, limit: 100 });
      pages.push(page.items.map((e) => e.seq));
      afterSeq = page.next ?? undefined;
    } while (afterSeq !== undefined);
    expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
    expect(pages.flat()).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect((await hazards.events('H-7')).items).toHaveLength(25);
  });

  it('reads every page as one range of the (aggregate, unit, seq) unique index: no sort, no sequential scan', async () => {
    const plans = [
      await planOf(() => campaigns.events('BIG', { after: { unitId: unitId(1500), seq: 40 }, limit: 100 })),
      await planOf(() => campaigns.events('BIG', { unitIds: [null, unitId(1500)], after: { unitId: null, seq: 60 } })),
      await planOf(() => campaigns.events('BIG', { unitIds: [unitId(1500)], after: { unitId: unitId(1500), seq: 60 } })),
      await planOf(() => hazards.events('H-long', { afterSeq: 120 })),
    ];
    const indexes = [
      'uq_campaign_event_campaign_id_unit_id_seq',
      'uq_campaign_event_campaign_id_unit_id_seq',
      'uq_campaign_event_campaign_id_unit_id_seq',
      'uq_hazard_event_hazard_id_seq',
    ];
    plans.forEach((plan, i) => {
      const nodes = flatten(plan);
      expect(nodes.map((n) => n['Node Type'])).not.toContain('Sort');
      expect(nodes.map((n) => n['Node Type'])).not.toContain('Seq Scan');
      const scan = nodes.find((n) => n['Index Name'])!;
      expect(scan['Index Name']).toBe(indexes[i]);
      // The page's start is a bound of the index range, not a filter over rows read.
      expect(scan['Index Cond']).toMatch(/ROW\(\(unit_id\)::text, seq\) > ROW|\(seq > 120\)/);
      expect(scan).not.toHaveProperty('Filter');
    });
  });

  /** The plan PostgreSQL chooses for the one query `read` sends. */
  async function planOf(read: () => Promise<unknown>): Promise<PlanNode> {
    const spy = vi.spyOn(db.dataSource, 'query');
    try {
      await read();
      const [sql, params] = spy.mock.calls[0]!;
      spy.mockRestore();
      const [{ 'QUERY PLAN': plan }] = await db.dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
      return plan[0].Plan;
    } finally {
      spy.mockRestore();
    }
  }
});

type PlanNode = Record<string, string> & { Plans?: PlanNode[] };

function flatten(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flatten)];
}
