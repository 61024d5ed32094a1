import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { STANDARD_HAZARD_POLICY, type HazardReport, type HazardState } from '@duban/domain';
import {
  awaitRegisteredUpdate,
  claimCompletionUpdate,
  decideExtensionUpdate,
  delistUpdate,
  hazardStateQuery,
  hazardWorkflowId,
  reportMonitoringUpdate,
  requestExtensionUpdate,
  startMonitoringUpdate,
  submitPlanUpdate,
  verifyUpdate,
} from '@duban/workflows';
import { hazardWorkflow } from '../../workflows/src/hazard/hazard.workflow';
import { DAY_MS, fiveInPlacePlan, hazardReport, inspector, office, unitA } from '../support/hazard-fixtures';
import { fetchHistories, maybeRecordFixtures, replayAll } from '../support/histories';
import { useTimeSkippingHarness } from '../support/time-skipping-env';

const harness = useTimeSkippingHarness('ladder');
const workflowIds: string[] = [];

async function report(overrides: (now: number) => Partial<HazardReport> = () => ({})) {
  const now = await harness.env.currentTimeMs();
  const hazardId = randomUUID();
  const handle = await harness.env.client.workflow.start(hazardWorkflow, {
    taskQueue: harness.taskQueue,
    workflowId: hazardWorkflowId(hazardId),
    args: [{ hazardId, report: hazardReport(now, overrides(now)), reporter: inspector, policy: STANDARD_HAZARD_POLICY }],
  });
  workflowIds.push(handle.workflowId);
  await handle.executeUpdate(awaitRegisteredUpdate);
  return { hazardId, handle, t0: now };
}

async function ledgerEvents(hazardId: string): Promise<Array<{ seq: number; type: string; actor_role: string; reason: string; data: any }>> {
  return harness.dataSource.query('select seq, type, actor_role, reason, data from hazard_event where hazard_id = $1 order by seq', [hazardId]);
}

async function ledgerRow(hazardId: string) {
  const [row] = await harness.dataSource.query('select * from hazard_ledger where hazard_id = $1', [hazardId]);
  return row;
}

const instruments = (state: HazardState) => state.escalations.map((e) => e.instrument);

describe('hazard escalation ladder with the standard policy, under time skipping', () => {
  it('climbs every rung at its real offset from a 30-day deadline and projects each into the ledger', async () => {
    const { hazardId, handle, t0 } = await report();
    await handle.executeUpdate(submitPlanUpdate, { args: [{ actor: unitA, plan: fiveInPlacePlan(t0 + 20 * DAY_MS) }] });

    await harness.env.sleep(26 * DAY_MS);
    expect(instruments(await handle.query(hazardStateQuery))).toEqual([]);

    await harness.env.sleep(1 * DAY_MS + 60_000);
    let state = await handle.query(hazardStateQuery);
    expect(instruments(state)).toEqual(['reminder']);
    expect(state.overdue).toBe(false);

    await harness.env.sleep(3 * DAY_MS);
    state = await handle.query(hazardStateQuery);
    expect(instruments(state)).toEqual(['reminder', 'notice']);
    expect(state.overdue).toBe(true);

    await harness.env.sleep(15 * DAY_MS);
    state = await handle.query(hazardStateQuery);
    expect(instruments(state)).toEqual(['reminder', 'notice', 'listed_supervision', 'summons']);

    // Each rung fired at the deadline plus its policy offset (to the minute).
    const deadline = t0 + 30 * DAY_MS;
    const offsetsInDays = state.escalations.map((e) => Math.round((Date.parse(e.at) - deadline) / 60_000) / (24 * 60));
    expect(offsetsInDays).toEqual([-3, 0, 7, 15]);

    const events = await ledgerEvents(hazardId);
    expect(events.map((e) => e.type)).toEqual(['reported', 'plan_submitted', 'escalated', 'overdue', 'escalated', 'escalated', 'escalated']);
    expect(events.filter((e) => e.type === 'escalated').every((e) => e.actor_role === 'system' && e.reason.includes('standard-2026'))).toBe(true);
    const row = await ledgerRow(hazardId);
    expect(row).toMatchObject({ overdue: true, listed_for_supervision: true, last_escalation_instrument: 'summons', status: 'rectifying' });
  });

  it('lists a major hazard at once, records missed monitoring reports, and signs off after effect evaluation', async () => {
    const { hazardId, handle, t0 } = await report(() => ({ grade: 'major' }));
    expect((await handle.query(hazardStateQuery)).listedForSupervision).toBe(true);
    await handle.executeUpdate(submitPlanUpdate, { args: [{ actor: unitA, plan: fiveInPlacePlan(t0 + 25 * DAY_MS) }] });
    await handle.executeUpdate(startMonitoringUpdate, { args: [{ actor: unitA, measures: '24小时专人值守，设置警戒区', watchPerson: '刘师傅' }] });
    await harness.env.sleep(6 * DAY_MS);
    await handle.executeUpdate(reportMonitoringUpdate, { args: [{ actor: unitA, text: '监测数据正常' }] });
    await harness.env.sleep(8 * DAY_MS);
    let state = await handle.query(hazardStateQuery);
    expect(state.monitoring).toMatchObject({ reportCount: 1, missedCount: 1 });

    await handle.executeUpdate(claimCompletionUpdate, { args: [{ actor: unitA, summary: '边坡加固完成', attachments: ['file://report.pdf'] }] });
    await handle.executeUpdate(verifyUpdate, {
      args: [{ actor: inspector, decision: 'accept', comment: '验收合格', effectEvaluation: '加固后位移监测稳定' }],
    });
    // Listed on report (挂牌督办): the file closes with the listing's 销号 by the office.
    await handle.executeUpdate(delistUpdate, { args: [{ actor: office, reason: '同意销号' }] });
    state = await handle.result();
    expect(state.status).toBe('signed_off');
    const row = await ledgerRow(hazardId);
    expect(row).toMatchObject({ status: 'signed_off', under_monitoring: false, listed_for_supervision: true });
    expect((await ledgerEvents(hazardId)).map((e) => e.type)).toContain('monitoring_report_missed');
  });

  it('restarts the ladder from an approved extension and keeps every deadline change', async () => {
    const { hazardId, handle, t0 } = await report();
    await handle.executeUpdate(submitPlanUpdate, { args: [{ actor: unitA, plan: fiveInPlacePlan(t0 + 20 * DAY_MS) }] });
    await harness.env.sleep(28 * DAY_MS);
    await handle.executeUpdate(requestExtensionUpdate, {
      args: [{ actor: unitA, requestedDeadline: new Date(t0 + 45 * DAY_MS).toISOString(), reason: '特种材料到货延迟' }],
    });
    await handle.executeUpdate(decideExtensionUpdate, { args: [{ actor: office, approve: true, reason: '情况属实，同意延期' }] });
    await harness.env.sleep(5 * DAY_MS);
    let state = await handle.query(hazardStateQuery);
    expect(state).toMatchObject({ overdue: false, deadline: new Date(t0 + 45 * DAY_MS).toISOString(), extensionsGranted: 1 });
    expect(instruments(state)).toEqual(['reminder']);
    await harness.env.sleep(10 * DAY_MS);
    state = await handle.query(hazardStateQuery);
    expect(state.escalations.map((e) => [e.instrument, e.deadline])).toEqual([
      ['reminder', new Date(t0 + 30 * DAY_MS).toISOString()],
      ['reminder', new Date(t0 + 45 * DAY_MS).toISOString()],
    ]);
    const extension = (await ledgerEvents(hazardId)).find((e) => e.type === 'extension_approved');
    expect(extension?.data).toEqual({
      previousDeadline: new Date(t0 + 30 * DAY_MS).toISOString(),
      newDeadline: new Date(t0 + 45 * DAY_MS).toISOString(),
    });
  });

  it('refuses an incomplete plan through the update validator, leaving no trace in the history', async () => {
    const { hazardId, handle, t0 } = await report();
    const incomplete = { ...fiveInPlacePlan(t0 + 20 * DAY_MS), contingencyPlan: '', responsiblePerson: '' };
    const error = await handle.executeUpdate(submitPlanUpdate, { args: [{ actor: unitA, plan: incomplete }] }).catch((e) => e);
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
    expect(cause.type).toBe('DubanInvalidInput');
    expect(cause.message).toContain('责任到位');
    expect(cause.details?.[0]).toMatchObject({ field: 'plan', missing: ['responsibility', 'contingency'] });
    const history = await handle.fetchHistory();
    const acceptedUpdates = history.events?.flatMap((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ?? []);
    expect(acceptedUpdates).toEqual(['awaitRegistered']);
    expect((await ledgerEvents(hazardId)).map((e) => e.type)).toEqual(['reported']);
  });

  it('replays every history this file recorded against the current workflow code', async () => {
    const histories = await fetchHistories(harness.env.client, workflowIds);
    maybeRecordFixtures('hazard-ladder', histories);
    expect(await replayAll(histories)).toBe(workflowIds.length);
  });
});
