import { beforeAll, describe, expect, it } from 'vitest';
import { hasDrift, hazardWorkflowId, ledgerDrift, type HazardReport } from '@duban/domain';
import { HazardLedgerWriter } from '../hazard/hazard-ledger-writer';
import { reportHazard, submitPlan, joined, type Hazard } from '../testing/hazard-fixtures';
import { useLedgerDatabase } from '../testing/ledger-database';
import { LedgerReconciler } from './ledger-reconciler';
import { ReconciliationStore } from './reconciliation-store';

// The ledger side of reconciliation (台账核对): the ledger compared with a fresh projection, and
// the repair, which must REPLACE an altered event or row (the writer's own path skips known seqs
// and never moves a row's version back).

const T0 = new Date('2026-03-02T01:00:00.000Z');
const report = (hazardId: string, over: Partial<HazardReport> = {}): Hazard =>
  reportHazard(hazardId, { deadline: new Date(T0.getTime() + 30 * 86_400_000).toISOString(), ...over }, T0);
const planned = (hazardId: string) => {
  const h = report(hazardId, { grade: 'major' });
  return joined(h, submitPlan(h, new Date(T0.getTime() + 86_400_000)));
};
const projection = (h: Hazard) => ({ workflowId: hazardWorkflowId(h.state.hazardId), state: h.state, events: h.events });

describe('ledger reconciliation on PostgreSQL', () => {
  const db = useLedgerDatabase('reconciliation');
  let writer: HazardLedgerWriter;
  let reconciler: LedgerReconciler;
  beforeAll(() => {
    writer = new HazardLedgerWriter(db.dataSource);
    reconciler = new LedgerReconciler(db.dataSource);
  });
  const driftOf = async (h: Hazard) => ledgerDrift(reconciler.expected('hazard', projection(h)), await reconciler.found('hazard', h.state));

  it('finds no drift in what the writer wrote: both sides put as the row holds them (instants, jsonb, nulls)', async () => {
    const h = planned('H-clean');
    await writer.record(h);
    expect(h.events.length).toBe(3);
    expect(hasDrift(await driftOf(h))).toBe(false);
  });

  it('detects an altered field, a deleted and an altered event, and the repair replaces them all', async () => {
    const h = planned('H-drift');
    await writer.record(h);
    await db.dataSource.query(`UPDATE hazard_ledger SET status = 'signed_off', title = '改过的' WHERE hazard_id = 'H-drift'`);
    await db.dataSource.query(`DELETE FROM hazard_event WHERE hazard_id = 'H-drift' AND seq = 2`);
    await db.dataSource.query(`UPDATE hazard_event SET data = '{"forged": true}', reason = '伪造' WHERE hazard_id = 'H-drift' AND seq = 3`);
    await db.dataSource.query(
      `INSERT INTO hazard_event (hazard_id, seq, type, at, actor_id, actor_name, actor_role, reason, data)
       VALUES ('H-drift', 9, 'progress_reported', now(), 'x', 'x', 'unit', 'x', '{}')`,
    );

    const drift = await driftOf(h);
    expect(drift.fields.map((f) => [f.field, f.expected, f.found])).toEqual([
      ['status', h.state.status, 'signed_off'],
      ['title', h.state.report.title, '改过的'],
    ]);
    expect(drift).toMatchObject({ rowMissing: false, missingSeqs: [2], alteredSeqs: [3], extraSeqs: [9] });

    await reconciler.repair('hazard', projection(h), drift);
    expect(hasDrift(await driftOf(h))).toBe(false);
    const rows = await db.dataSource.query(`SELECT seq, reason, data FROM hazard_event WHERE hazard_id = 'H-drift' ORDER BY seq`);
    expect(rows.map((r: { seq: number }) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[2].data).toEqual(JSON.parse(JSON.stringify(h.events[2]!.data)));
    expect(await db.count(`hazard_ledger WHERE hazard_id = 'H-drift' AND status = $1`, [h.state.status])).toBe(1);
  });

  it('restores a deleted row with its events, and leaves intact event rows as they were (same ids)', async () => {
    const h = planned('H-gone');
    await writer.record(h);
    const before = await db.dataSource.query(`SELECT id, seq FROM hazard_event WHERE hazard_id = 'H-gone' ORDER BY seq`);
    await db.dataSource.query(`DELETE FROM hazard_ledger WHERE hazard_id = 'H-gone'`);
    await db.dataSource.query(`DELETE FROM hazard_event WHERE hazard_id = 'H-gone' AND seq = 1`);
    const drift = await driftOf(h);
    expect(drift).toMatchObject({ rowMissing: true, fields: [], missingSeqs: [1] });
    await reconciler.repair('hazard', projection(h), drift);
    expect(hasDrift(await driftOf(h))).toBe(false);
    const after = await db.dataSource.query(`SELECT id, seq FROM hazard_event WHERE hazard_id = 'H-gone' AND seq > 1 ORDER BY seq`);
    expect(after).toEqual(before.slice(1));
  });

  it('replaces a row altered to a later version, which the writer’s forward-only upsert would keep', async () => {
    const h = planned('H-ahead');
    await writer.record(h);
    await db.dataSource.query(`UPDATE hazard_ledger SET version = 99, overdue = true WHERE hazard_id = 'H-ahead'`);
    await writer.record(h);
    const drift = await driftOf(h);
    expect(drift.fields.map((f) => f.field)).toEqual(['overdue', 'version']);
    await reconciler.repair('hazard', projection(h), drift);
    expect(hasDrift(await driftOf(h))).toBe(false);
  });
});

describe('reconciliation reports on PostgreSQL', () => {
  const db = useLedgerDatabase('reconciliation_reports');

  it('keeps a run once by id, one drift row per aggregate (a retry overwrites it), and lists runs latest first', async () => {
    const store = new ReconciliationStore(db.dataSource);
    const office = { id: 'o-1', name: '安委办 李', role: 'office' };
    await store.startRun({ runId: 'r-1', startedAt: '2026-03-01T18:30:00.000Z', startedBy: office, reason: '夜间核对' });
    await store.startRun({ runId: 'r-1', startedAt: '2026-03-05T00:00:00.000Z', startedBy: office, reason: 'retried' });
    await store.startRun({ runId: 'r-2', startedAt: '2026-03-02T18:30:00.000Z', startedBy: office, reason: '抽查' });
    const drift = { kind: 'hazard', aggregateId: 'H-1', workflowId: 'hazard-H-1', drift: { missingSeqs: [2] }, repaired: false };
    await store.recordDrift('r-1', [drift]);
    await store.recordDrift('r-1', [{ ...drift, repaired: true }]);
    await store.finishRun('r-1', '2026-03-01T18:31:00.000Z', { checked: 5, drifted: 1, repaired: 1 });

    const run = await store.run('r-1');
    expect(run).toMatchObject({ runId: 'r-1', reason: '夜间核对', finishedAt: '2026-03-01T18:31:00.000Z', checked: 5, drifted: 1, repaired: 1 });
    expect(run!.drift).toEqual([expect.objectContaining({ ...drift, repaired: true })]);
    expect((await store.runs()).map((r) => [r.runId, r.finishedAt])).toEqual([
      ['r-2', null],
      ['r-1', '2026-03-01T18:31:00.000Z'],
    ]);
    expect(await store.runs(1)).toHaveLength(1);
    expect(await store.run('none')).toBeUndefined();
  });
});
