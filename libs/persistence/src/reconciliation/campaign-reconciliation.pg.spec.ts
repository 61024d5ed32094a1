import { beforeAll, describe, expect, it } from 'vitest';
import {
  campaignWorkflowId,
  currentCampaignSchedule,
  hasDrift,
  STANDARD_HAZARD_POLICY,
  unitObligationsWorkflowId,
  type CampaignState,
  type UnitObligationsState,
} from '@duban/domain';
import { CampaignLedgerWriter } from '../campaign/campaign-ledger-writer';
import { HazardLedgerWriter } from '../hazard/hazard-ledger-writer';
import { dailyReport, enrol, launch, unit, unitThen, both, type Campaign, type Unit } from '../testing/campaign-fixtures';
import { reportHazard } from '../testing/hazard-fixtures';
import { useLedgerDatabase } from '../testing/ledger-database';
import { LedgerReconciler, type WorkflowProjection } from './ledger-reconciler';

// Campaigns and their units in reconciliation (台账核对): the campaign row and its own events
// compared in full, a unit's row compared and its events by seq alone (its record activity is
// local: its events are not in history), and the orphan scan's paging over ledger rows.

const units = [unit('u-1', 'county-a'), unit('u-2', 'county-a')];
const ofCampaign = (c: Campaign): WorkflowProjection => ({
  workflowId: campaignWorkflowId(c.state.campaignId),
  state: c.state,
  events: c.events,
  lastRecordInput: { hazardPolicy: STANDARD_HAZARD_POLICY },
});
const ofUnit = (u: Unit): WorkflowProjection => ({
  workflowId: unitObligationsWorkflowId(u.state.campaignId, u.state.unit.unitId),
  state: u.state,
  events: [],
});

describe('campaign reconciliation on PostgreSQL', () => {
  const db = useLedgerDatabase('campaign_reconciliation');
  let writer: CampaignLedgerWriter;
  let reconciler: LedgerReconciler;
  beforeAll(() => {
    writer = new CampaignLedgerWriter(db.dataSource);
    reconciler = new LedgerReconciler(db.dataSource);
  });
  const record = async (c: Campaign) => {
    await writer.saveRoster(c.state.campaignId, units);
    await writer.recordCampaign({ ...c, schedule: currentCampaignSchedule(c.state as CampaignState), hazardPolicy: STANDARD_HAZARD_POLICY });
  };

  it('finds a campaign as its writer wrote it clean, then restores an altered row, its launch time and a deleted event', async () => {
    const c = launch('C-recon', units);
    await record(c);
    expect(hasDrift(await reconciler.drift('campaign', ofCampaign(c)))).toBe(false);

    await db.dataSource.query(`UPDATE campaign SET status = 'closed', name = '改过的' WHERE campaign_id = 'C-recon'`);
    await db.dataSource.query(`DELETE FROM campaign_event WHERE campaign_id = 'C-recon' AND unit_id = '' AND seq = 1`);
    const drift = await reconciler.drift('campaign', ofCampaign(c));
    expect(drift).toMatchObject({ rowMissing: false, missingSeqs: [1], extraSeqs: [], alteredSeqs: [] });
    expect(drift.fields.map((f) => [f.field, f.found])).toEqual([
      ['name', '改过的'],
      ['status', 'closed'],
    ]);

    await reconciler.repair('campaign', ofCampaign(c), drift);
    expect(hasDrift(await reconciler.drift('campaign', ofCampaign(c)))).toBe(false);
    const [row] = await db.dataSource.query(`SELECT status, launched_at FROM campaign WHERE campaign_id = 'C-recon'`);
    expect(row).toMatchObject({ status: c.state.status });
    expect(row.launched_at.toISOString()).toBe(c.events[0]!.at);
  });

  it('compares a unit’s row with its state and its events by seq only: the row is repaired in place, a lost event is reported and left', async () => {
    const enrolled = enrol('C-recon', units[0]!);
    const u = both(enrolled, unitThen(enrolled, dailyReport(enrolled, 0)));
    await writer.recordUnit(u);
    const ofU = ofUnit(u);
    expect(hasDrift(await reconciler.drift('campaign_unit', ofU))).toBe(false);
    const position = `SELECT roster_index FROM campaign_unit WHERE campaign_id = 'C-recon' AND unit_id = 'u-1'`;
    const [before] = await db.dataSource.query(position);

    await db.dataSource.query(`UPDATE campaign_unit SET on_time = 99 WHERE campaign_id = 'C-recon' AND unit_id = 'u-1'`);
    await db.dataSource.query(`DELETE FROM campaign_event WHERE campaign_id = 'C-recon' AND unit_id = 'u-1' AND seq = 1`);
    await db.dataSource.query(
      `INSERT INTO campaign_event (campaign_id, unit_id, seq, type, at, actor_id, actor_name, actor_role, reason, data)
       VALUES ('C-recon', 'u-1', 42, 'report_submitted', now(), 'x', 'x', 'unit', 'x', '{}')`,
    );
    const drift = await reconciler.drift('campaign_unit', ofU);
    expect(drift).toMatchObject({ rowMissing: false, missingSeqs: [1], extraSeqs: [42], alteredSeqs: [] });
    expect(drift.fields).toEqual([{ field: 'onTime', expected: (u.state as UnitObligationsState).counters.onTime, found: 99 }]);

    await reconciler.repair('campaign_unit', ofU, drift);
    const after = await reconciler.drift('campaign_unit', ofU);
    expect(after).toMatchObject({ rowMissing: false, fields: [], missingSeqs: [1], extraSeqs: [42] });
    expect(await db.dataSource.query(position)).toEqual([before]);
    expect(await db.count(`campaign_event WHERE campaign_id = 'C-recon' AND unit_id = 'u-1' AND seq = 42`)).toBe(1);

    await db.dataSource.query(`DELETE FROM campaign_unit WHERE campaign_id = 'C-recon' AND unit_id = 'u-1'`);
    const missing = await reconciler.drift('campaign_unit', ofU);
    expect(missing.rowMissing).toBe(true);
    await reconciler.repair('campaign_unit', ofU, missing);
    expect(await reconciler.drift('campaign_unit', ofU)).toMatchObject({ rowMissing: false, fields: [] });
  });
});

describe('ledger rows for the orphan scan on PostgreSQL', () => {
  const db = useLedgerDatabase('reconciliation_rows');
  let reconciler: LedgerReconciler;
  beforeAll(async () => {
    reconciler = new LedgerReconciler(db.dataSource);
    const hazards = new HazardLedgerWriter(db.dataSource);
    const at = new Date('2026-03-02T01:00:00.000Z');
    for (const id of ['H-a', 'H-b', 'H-c']) await hazards.record(reportHazard(id, { deadline: '2026-04-01T00:00:00.000Z' }, at));
    await new CampaignLedgerWriter(db.dataSource).saveRoster('C-rows', units);
  });

  it('pages a kind’s rows in key order with their workflow ids, and tells the last page', async () => {
    const first = await reconciler.rowsPage('hazard', { after: null, limit: 2 });
    expect(first.rows).toEqual([
      { key: { hazardId: 'H-a' }, aggregateId: 'H-a', workflowId: 'hazard-H-a' },
      { key: { hazardId: 'H-b' }, aggregateId: 'H-b', workflowId: 'hazard-H-b' },
    ]);
    expect(first.last).toEqual(['H-b']);
    const second = await reconciler.rowsPage('hazard', { after: first.last, limit: 2 });
    expect(second).toEqual({ rows: [{ key: { hazardId: 'H-c' }, aggregateId: 'H-c', workflowId: 'hazard-H-c' }], last: null });
  });

  it('leaves out rows written before the retention window, and roster rows no unit workflow has written', async () => {
    await db.dataSource.query(`UPDATE hazard_ledger SET updated_at = now() - interval '40 days' WHERE hazard_id = 'H-a'`);
    const recent = await reconciler.rowsPage('hazard', { after: null, limit: 10, updatedSince: new Date(Date.now() - 30 * 86_400_000) });
    expect(recent.rows.map((r) => r.aggregateId)).toEqual(['H-b', 'H-c']);
    expect((await reconciler.rowsPage('campaign_unit', { after: null, limit: 10 })).rows).toEqual([]);
    await db.dataSource.query(`UPDATE campaign_unit SET version = 3 WHERE unit_id = 'u-2'`);
    expect((await reconciler.rowsPage('campaign_unit', { after: null, limit: 10 })).rows).toEqual([
      { key: { campaignId: 'C-rows', unitId: 'u-2' }, aggregateId: 'C-rows/u-2', workflowId: 'campaign-C-rows-unit-u-2' },
    ]);
  });
});
