import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkflowNotFoundError } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import {
  hazardCaseId,
  STANDARD_ENFORCEMENT_POLICY,
  STANDARD_HAZARD_POLICY,
  type Actor,
  type HazardPolicy,
  type HazardReport,
  type HazardState,
} from '@duban/domain';
import { RegistryWriter } from '@duban/persistence';
import {
  awaitRegisteredUpdate,
  claimCompletionUpdate,
  decideExtensionUpdate,
  delistUpdate,
  enforcementCaseWorkflowId,
  enforcementStateQuery,
  hazardStateQuery,
  hazardWorkflowId,
  requestExtensionUpdate,
  submitPlanUpdate,
  verifyUpdate,
} from '@duban/workflows';
import { enforcementCaseWorkflow } from '../../workflows/src/enforcement/enforcement-case.workflow';
import { hazardWorkflow } from '../../workflows/src/hazard/hazard.workflow';
import { change, sampleTree } from '../../libs/persistence/src/registry/testing/registry-fixtures';
import { DAY_MS, fiveInPlacePlan, hazardReport, inspector, office } from '../support/hazard-fixtures';
import { fetchHistories, maybeRecordFixtures, replayAll } from '../support/histories';
import { useTimeSkippingHarness } from '../support/time-skipping-env';

// No handle.result() here: awaiting a result lets the test server skip time past every idle workflow's
// execution timeout, and the cases opened here wait on people with no timer (they would time out).
const harness = useTimeSkippingHarness('hazard-case');
const tree = sampleTree(`hc-${randomUUID().slice(0, 8)}`);
const enterprise: Partial<HazardReport> = { unitId: tree.unit.id, industry: tree.industry.name };
const manager: Actor = { id: 'ent-manager', name: '甲化工 王经理', role: 'unit', unitId: tree.unit.id };
const workflowIds: string[] = [];

beforeAll(async () => {
  const { province, city, county, town, industry, unit, person } = tree;
  await new RegistryWriter(harness.dataSource).writeRegistryBatch(
    [
      ...[province, city, county, town].map((record) => ({ kind: 'region' as const, op: 'put' as const, record })),
      { kind: 'industry', op: 'put', record: industry },
      { kind: 'unit', op: 'put', record: unit },
      { kind: 'person', op: 'put', record: person },
    ],
    change(0),
  );
});

async function report(grade: HazardReport['grade'], policy: HazardPolicy = STANDARD_HAZARD_POLICY) {
  const now = await harness.env.currentTimeMs();
  const hazardId = randomUUID();
  const handle = await harness.env.client.workflow.start(hazardWorkflow, {
    taskQueue: harness.taskQueue,
    workflowId: hazardWorkflowId(hazardId),
    args: [{ hazardId, report: hazardReport(now, { ...enterprise, grade }), reporter: inspector, policy }],
  });
  workflowIds.push(handle.workflowId);
  await handle.executeUpdate(awaitRegisteredUpdate);
  await handle.executeUpdate(submitPlanUpdate, { args: [{ actor: manager, plan: fiveInPlacePlan(now + 20 * DAY_MS) }] });
  return { hazardId, handle, t0: now };
}

type HazardHandle = Awaited<ReturnType<typeof report>>['handle'];

const claimAndVerify = async (handle: HazardHandle, decision: 'accept' | 'reject') => {
  await handle.executeUpdate(claimCompletionUpdate, { args: [{ actor: manager, summary: '整改完成, 申请验收', attachments: [] }] });
  const comment = decision === 'reject' ? '连墙件仍缺 2 处' : '验收合格';
  await handle.executeUpdate(verifyUpdate, { args: [{ actor: inspector, decision, comment, effectEvaluation: '整改后复查有效' }] });
};

/** The hazard's state once its case is recorded (opening runs an activity and starts a child in real time). */
async function caseOf(handle: HazardHandle): Promise<NonNullable<HazardState['enforcementCase']>> {
  for (let i = 0; i < 100; i++) {
    const state = await handle.query(hazardStateQuery);
    if (state.enforcementCase) return state.enforcementCase;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the hazard recorded no enforcement case');
}

const caseEvents = async (hazardId: string): Promise<Array<{ data: { caseId: string; origin: string } }>> =>
  harness.dataSource.query(`select data from hazard_event where hazard_id = $1 and type = 'enforcement_case_opened'`, [hazardId]);
const caseRows = async (hazardId: string): Promise<Array<{ case_id: string; origin: string }>> =>
  harness.dataSource.query('select case_id, origin from enforcement_case_ledger where source_ref = $1', [hazardId]);

describe('a hazard opens its enforcement case by its policy (逾期不整改或整改不合格 → 处罚)', () => {
  it('a general hazard twice rejected at acceptance opens hazard_failed_acceptance, and still signs off after', async () => {
    const { hazardId, handle } = await report('general');
    await claimAndVerify(handle, 'reject');
    await harness.env.sleep(DAY_MS);
    expect((await handle.query(hazardStateQuery)).enforcementCase).toBeUndefined();
    await claimAndVerify(handle, 'reject');
    const opened = await caseOf(handle);
    expect(opened).toMatchObject({ caseId: hazardCaseId(hazardId), origin: 'hazard_failed_acceptance' });

    const caseState = await harness.env.client.workflow.getHandle(opened.workflowId).query(enforcementStateQuery);
    expect(caseState).toMatchObject({ origin: 'hazard_failed_acceptance', sourceRef: hazardId, unitId: tree.unit.id, regionId: tree.town.id });
    expect(caseState.opened.by.role).toBe('system');
    expect(caseState.respondents.map((r) => [r.respondentId, r.role])).toEqual([
      [tree.unit.id, 'enterprise'],
      [tree.person.id, 'principal'],
    ]);
    expect(caseState.violations[0]).toMatchObject({ serious: false });
    expect(caseState.violations[0]!.description).toContain('验收不通过 2 次');

    await claimAndVerify(handle, 'accept');
    expect((await handle.query(hazardStateQuery)).status).toBe('signed_off');
    expect((await caseEvents(hazardId)).map((e) => e.data)).toEqual([
      { caseId: opened.caseId, workflowId: opened.workflowId, origin: 'hazard_failed_acceptance' },
    ]);
    // The case outlives the hazard's 销号: the hazard abandons its child (ParentClosePolicy ABANDON).
    const history = await handle.fetchHistory();
    const child = history.events?.flatMap((e) => e.startChildWorkflowExecutionInitiatedEventAttributes ?? []);
    expect(child?.map((c) => [c.workflowId, c.parentClosePolicy])).toEqual([
      [opened.workflowId, temporal.api.enums.v1.ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON],
    ]);
    maybeRecordFixtures('hazard-opens-case', await fetchHistories(harness.env.client, [handle.workflowId]));
  });

  it('a major hazard overdue opens hazard_overdue naming the hazard, once, however long it stays overdue', async () => {
    const { hazardId, handle, t0 } = await report('major');
    await harness.env.sleep(30 * DAY_MS + 60_000);
    const opened = await caseOf(handle);
    expect(opened).toMatchObject({ caseId: hazardCaseId(hazardId), origin: 'hazard_overdue' });
    const caseState = await harness.env.client.workflow.getHandle(enforcementCaseWorkflowId(opened.caseId)).query(enforcementStateQuery);
    expect(caseState).toMatchObject({ origin: 'hazard_overdue', sourceRef: hazardId, status: 'open' });
    expect(caseState.violations[0]).toMatchObject({ serious: true, foundAt: new Date(t0 + 30 * DAY_MS).toISOString() });

    await harness.env.sleep(20 * DAY_MS);
    expect(await caseEvents(hazardId)).toHaveLength(1);
    expect(await caseRows(hazardId)).toEqual([{ case_id: opened.caseId, origin: 'hazard_overdue' }]);
  });

  it('an extension approved after the overdue, within the grace, lapses it: only falling overdue again opens the case', async () => {
    const graced: HazardPolicy = {
      ...STANDARD_HAZARD_POLICY,
      caseTriggers: { overdue: { grades: ['major'], after: { amount: 3, unit: 'days' } } },
    };
    const { hazardId, handle, t0 } = await report('major', graced);
    await harness.env.sleep(31 * DAY_MS);
    expect((await handle.query(hazardStateQuery)).overdue).toBe(true);
    const newDeadline = new Date(t0 + 50 * DAY_MS).toISOString();
    await handle.executeUpdate(requestExtensionUpdate, { args: [{ actor: manager, requestedDeadline: newDeadline, reason: '备用风机到货延迟' }] });
    await handle.executeUpdate(decideExtensionUpdate, { args: [{ actor: office, approve: true, reason: '情况属实, 同意延期' }] });
    await harness.env.sleep(10 * DAY_MS);
    expect((await handle.query(hazardStateQuery)).enforcementCase).toBeUndefined();
    expect(await caseEvents(hazardId)).toEqual([]);

    await harness.env.sleep(14 * DAY_MS);
    expect(await caseOf(handle)).toMatchObject({ caseId: hazardCaseId(hazardId), origin: 'hazard_overdue' });
    const caseState = await harness.env.client.workflow.getHandle(enforcementCaseWorkflowId(hazardCaseId(hazardId))).query(enforcementStateQuery);
    expect(caseState.violations[0]!.description).toContain(`整改期限 ${newDeadline}`);
    expect(caseState.violations[0]!.foundAt).toBe(new Date(t0 + 53 * DAY_MS).toISOString());
  });

  it('a major hazard signed off before its deadline opens nothing', async () => {
    const { hazardId, handle } = await report('major');
    await claimAndVerify(handle, 'accept');
    await handle.executeUpdate(delistUpdate, { args: [{ actor: office, reason: '同意销号' }] });
    await harness.env.sleep(40 * DAY_MS);
    const state = await handle.query(hazardStateQuery);
    expect([state.status, state.enforcementCase]).toEqual(['signed_off', undefined]);
    expect(await caseEvents(hazardId)).toEqual([]);
    const missing = await harness.env.client.workflow
      .getHandle(enforcementCaseWorkflowId(hazardCaseId(hazardId)))
      .describe()
      .catch((e) => e);
    expect(missing).toBeInstanceOf(WorkflowNotFoundError);
  });

  it('a case already opened for the hazard (an earlier attempt) is the one the hazard names: never two', async () => {
    const { hazardId, handle, t0 } = await report('major');
    const caseId = hazardCaseId(hazardId);
    const earlier = await harness.env.client.workflow.start(enforcementCaseWorkflow, {
      taskQueue: harness.taskQueue,
      workflowId: enforcementCaseWorkflowId(caseId),
      args: [
        {
          filing: {
            caseId,
            unitId: tree.unit.id,
            regionId: tree.town.id,
            origin: 'hazard_overdue',
            sourceRef: hazardId,
            violation: { description: '先前一次立案', serious: true, foundAt: new Date(t0).toISOString(), legalBasis: '《安全生产法》第一百零二条' },
            respondents: [{ respondentId: tree.unit.id, role: 'enterprise', name: tree.unit.name }],
            legalBasis: '《安全生产法》第一百零二条',
          },
          opener: office,
          policy: STANDARD_ENFORCEMENT_POLICY,
        },
      ],
    });
    await harness.env.sleep(30 * DAY_MS + 60_000);
    expect(await caseOf(handle)).toMatchObject({ caseId, workflowId: earlier.workflowId, origin: 'hazard_overdue' });
    const caseState = await earlier.query(enforcementStateQuery);
    expect(caseState.violations.map((v) => v.description)).toEqual(['先前一次立案']);
    expect(await caseRows(hazardId)).toHaveLength(1);
    expect(await caseEvents(hazardId)).toHaveLength(1);
  });

  it('replays every hazard history this file recorded (the patch, the registry read, the child start)', async () => {
    const histories = await fetchHistories(harness.env.client, workflowIds);
    expect(await replayAll(histories)).toBe(workflowIds.length);
  });
});
