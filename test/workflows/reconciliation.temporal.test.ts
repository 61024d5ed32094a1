import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from '@temporalio/worker';
import {
  reconciliationDriftType,
  STANDARD_ENFORCEMENT_POLICY,
  STANDARD_HAZARD_POLICY,
  type EnforcementCaseFiling,
  type LedgerDrift,
} from '@duban/domain';
import { ReconciliationStore } from '@duban/persistence';
import {
  awaitEnforcementRegisteredUpdate,
  awaitRegisteredUpdate,
  enforcementCaseWorkflowId,
  hazardWorkflowId,
  reconciliationWorkflowId,
  RECONCILIATION_SCHEDULE,
  submitPlanUpdate,
} from '@duban/workflows';
import { ensureRecordSchedule } from '../../apps/worker/src/record-schedules';
import { enforcementCaseWorkflow } from '../../workflows/src/enforcement/enforcement-case.workflow';
import { hazardWorkflow } from '../../workflows/src/hazard/hazard.workflow';
import { reconciliationWorkflow } from '../../workflows/src/reconciliation/reconciliation.workflow';
import { connectDevServer, eventually, type DevServerHarness } from '../support/dev-server';
import { DAY_MS, fiveInPlacePlan, hazardReport, inspector, office, unitA } from '../support/hazard-fixtures';

// On the dev server (the listing of workflows needs visibility; the Java test server has none)
// with the real PostgreSQL: the ledger tampered with in each way it can drift, then reconciled.

let dev: DevServerHarness;
let worker: Worker;
let running: Promise<void>;
const taskQueue = `reconciliation-${randomUUID()}`;
const hazardIds = [1, 2, 3].map((n) => `recon-${n}-${randomUUID()}`);
const caseId = `recon-case-${randomUUID()}`;

beforeAll(async () => {
  dev = await connectDevServer();
  worker = await dev.newWorker(taskQueue);
  running = worker.run();
  const now = Date.now();
  for (const hazardId of hazardIds) {
    const handle = await dev.client.workflow.start(hazardWorkflow, {
      taskQueue,
      workflowId: hazardWorkflowId(hazardId),
      args: [{ hazardId, report: hazardReport(now), reporter: inspector, policy: STANDARD_HAZARD_POLICY }],
    });
    await handle.executeUpdate(awaitRegisteredUpdate);
    await handle.executeUpdate(submitPlanUpdate, { args: [{ actor: unitA, plan: fiveInPlacePlan(now + 20 * DAY_MS) }] });
  }
  const filing: EnforcementCaseFiling = {
    caseId,
    unitId: 'unit-a',
    regionId: 'county-a',
    origin: 'inspection',
    violation: { description: '超能力组织生产', serious: true, foundAt: new Date(now).toISOString(), legalBasis: '《安全生产法》第一百一十三条' },
    respondents: [{ respondentId: 'unit-a', role: 'enterprise', name: 'A建设公司' }],
    legalBasis: '《安全生产法》第一百一十三条',
  };
  const opened = await dev.client.workflow.start(enforcementCaseWorkflow, {
    taskQueue,
    workflowId: enforcementCaseWorkflowId(caseId),
    args: [{ filing, opener: office, policy: STANDARD_ENFORCEMENT_POLICY }],
  });
  await opened.executeUpdate(awaitEnforcementRegisteredUpdate);
  // Visibility is eventually consistent: the run lists what the server lists.
  await eventually(async () => (await dev.client.workflow.count(`TaskQueue = '${taskQueue}'`)).count === 4);
}, 120_000);

afterAll(async () => {
  await dev.client.schedule
    .getHandle(RECONCILIATION_SCHEDULE.scheduleId)
    .delete()
    .catch(() => undefined);
  worker?.shutdown();
  await running;
  await dev?.close();
});

const reconcile = () =>
  dev.client.workflow.execute(reconciliationWorkflow, {
    taskQueue,
    workflowId: reconciliationWorkflowId(randomUUID()),
    args: [{ startedBy: office, reason: '抽查台账 (spot check)' }],
  });

/** Every row and event of the aggregates under test, without what the database fills itself. */
async function ledgerSnapshot(): Promise<unknown[]> {
  const q = (sql: string, ids: string[]) => dev.dataSource.query(sql, [ids]);
  return [
    await q(`SELECT * FROM hazard_ledger WHERE hazard_id = ANY($1) ORDER BY hazard_id`, hazardIds),
    await q(`SELECT * FROM hazard_event WHERE hazard_id = ANY($1) ORDER BY hazard_id, seq`, hazardIds),
    await q(`SELECT * FROM enforcement_case_ledger WHERE case_id = ANY($1)`, [caseId]),
    await q(`SELECT * FROM enforcement_event WHERE case_id = ANY($1) ORDER BY seq`, [caseId]),
  ].map((rows: Array<Record<string, unknown>>) => rows.map(({ id: _id, updated_at: _u, recorded_at: _r, ...row }) => row));
}

describe('reconciliation (台账核对) over the real ledger', () => {
  it('detects a deleted row, an altered field, a deleted and an altered event, repairs each to the fresh projection, and a second run is clean', async () => {
    const [gone, altered, gapped] = hazardIds as [string, string, string];
    const projected = await ledgerSnapshot();
    await dev.dataSource.query(`DELETE FROM hazard_ledger WHERE hazard_id = $1`, [gone]);
    await dev.dataSource.query(`UPDATE hazard_ledger SET title = '被改动的标题', overdue = true WHERE hazard_id = $1`, [altered]);
    await dev.dataSource.query(`DELETE FROM hazard_event WHERE hazard_id = $1 AND seq = 2`, [gapped]);
    await dev.dataSource.query(`UPDATE enforcement_event SET data = '{"forged": true}' WHERE case_id = $1 AND seq = 1`, [caseId]);

    const first = await reconcile();
    // Beyond these four, the shared database may hold orphan rows of other files (never repaired): counted, not asserted.
    expect(first).toMatchObject({ checked: 4, repaired: 4 });
    const report = await new ReconciliationStore(dev.dataSource).run(first.runId);
    expect(report).toMatchObject({ checked: 4, repaired: 4, reason: '抽查台账 (spot check)', startedBy: { id: office.id } });
    expect(report!.finishedAt).not.toBeNull();
    expect(report!.drifted).toBe(report!.drift.length);
    expect(report!.drift.filter((d) => reconciliationDriftType(d.drift) !== 'orphan_row')).toHaveLength(4);
    const drift = (kind: string, id: string) => {
      const row = report!.drift.find((d) => d.kind === kind && d.aggregateId === id);
      expect(row, `${kind} ${id} reported`).toMatchObject({ repaired: true });
      return row!.drift as LedgerDrift;
    };
    expect(drift('hazard', gone)).toMatchObject({ rowMissing: true, fields: [], missingSeqs: [], alteredSeqs: [] });
    expect(drift('hazard', altered).fields.map((f) => [f.field, f.found])).toEqual([
      ['overdue', true],
      ['title', '被改动的标题'],
    ]);
    expect(drift('hazard', gapped)).toMatchObject({ rowMissing: false, fields: [], missingSeqs: [2] });
    expect(drift('enforcement_case', caseId)).toMatchObject({ fields: [], alteredSeqs: [1], missingSeqs: [], extraSeqs: [] });
    expect(await ledgerSnapshot()).toEqual(projected);

    const second = await reconcile();
    expect(second).toMatchObject({ checked: 4, repaired: 0 });
    const ours = [...hazardIds, caseId];
    expect((await new ReconciliationStore(dev.dataSource).run(second.runId))!.drift.filter((d) => ours.includes(d.aggregateId))).toEqual([]);
  });

  it('is scheduled nightly at 02:30 Beijing time (18:30 UTC), and ensuring it again changes nothing', async () => {
    const handle = dev.client.schedule.getHandle(RECONCILIATION_SCHEDULE.scheduleId);
    await handle.delete().catch(() => undefined);
    expect(await ensureRecordSchedule(dev.client, RECONCILIATION_SCHEDULE, taskQueue)).toBe('created');
    const described = await handle.describe();
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'reconciliationWorkflow', taskQueue });
    expect(described.info.nextActionTimes.length).toBeGreaterThan(0);
    for (const next of described.info.nextActionTimes) expect(next.toISOString()).toMatch(/T18:30:00\.000Z$/);
    expect(await ensureRecordSchedule(dev.client, RECONCILIATION_SCHEDULE, taskQueue)).toBe('unchanged');
  });
});
