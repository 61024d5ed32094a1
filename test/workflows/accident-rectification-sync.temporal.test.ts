import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { ApplicationFailure } from '@temporalio/common';
import { STANDARD_ACCIDENT_POLICY, STANDARD_HAZARD_POLICY, type AccidentReport } from '@duban/domain';
import {
  accidentStateQuery,
  accidentWorkflowId,
  awaitAccidentRegisteredUpdate,
  awaitRegisteredUpdate,
  claimCompletionUpdate,
  closeGateUpdate,
  hazardWorkflowId,
  linkRectificationHazardUpdate,
  openInvestigationUpdate,
  submitPlanUpdate,
  verifyUpdate,
} from '@duban/workflows';
import { accidentWorkflow } from '../../workflows/src/accident/accident.workflow';
import { hazardWorkflow } from '../../workflows/src/hazard/hazard.workflow';
import { DAY_MS, fiveInPlacePlan, hazardReport, inspector, office, unitA } from '../support/hazard-fixtures';
import { useTimeSkippingHarness } from '../support/time-skipping-env';

// Gate 3 of 四不放过 through real hazards: a hazard linked to an accident as a rectification
// measure (整改措施) tells the accident each of its statuses itself, from the hazard workflow's
// ledger activity; the gate holds only once every linked hazard is signed off (销号).

const harness = useTimeSkippingHarness('rectification');

function accidentReport(now: number): AccidentReport {
  return {
    occurredAt: new Date(now - 3_600_000).toISOString(),
    regionId: 'county-1',
    location: 'A建设公司城南项目',
    unitId: 'unit-a',
    industry: '建筑施工',
    sector: 'industry_trade',
    kind: 'collapse',
    casualties: { deaths: 1, missing: 0, seriousInjuries: 0, directLossYuan: 800_000 },
    livesEndangered: 1,
    account: '外架局部坍塌',
    reporter: '王经理',
    reportedAt: new Date(now - 1_800_000).toISOString(),
  };
}

async function startAccident() {
  const now = await harness.env.currentTimeMs();
  const accidentId = randomUUID();
  const handle = await harness.env.client.workflow.start(accidentWorkflow, {
    taskQueue: harness.taskQueue,
    workflowId: accidentWorkflowId(accidentId),
    args: [{ accidentId, report: accidentReport(now), recorder: unitA, policy: STANDARD_ACCIDENT_POLICY, opening: { from: 'unit_report' } }],
  });
  await handle.executeUpdate(awaitAccidentRegisteredUpdate);
  await handle.executeUpdate(openInvestigationUpdate, { args: [{ actor: office, leader: '张组长', members: ['应急局 刘'] }] });
  return { accidentId, handle };
}

async function startHazard() {
  const now = await harness.env.currentTimeMs();
  const hazardId = randomUUID();
  const handle = await harness.env.client.workflow.start(hazardWorkflow, {
    taskQueue: harness.taskQueue,
    workflowId: hazardWorkflowId(hazardId),
    args: [{ hazardId, report: hazardReport(now), reporter: inspector, policy: STANDARD_HAZARD_POLICY }],
  });
  const { state } = await handle.executeUpdate(awaitRegisteredUpdate);
  return { hazardId, handle, status: state.status, now };
}

const refusalOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const failure = (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
  return { ...(failure.details?.[0] as object), message: failure.message };
};

describe('rectification hazards feed gate 3 of 四不放过, under time skipping', () => {
  it('follows each linked hazard to 销号 and holds the gate until every one is signed off', async () => {
    const accident = await startAccident();
    const first = await startHazard();
    const second = await startHazard();
    for (const hazard of [first, second]) {
      await accident.handle.executeUpdate(linkRectificationHazardUpdate, {
        args: [{ actor: inspector, hazardId: hazard.hazardId, status: hazard.status }],
      });
    }
    const closeRectification = () =>
      accident.handle.executeUpdate(closeGateUpdate, {
        args: [{ actor: office, gate: 'rectification', evidence: '整改验收记录', person: '李主任' }],
      });

    // The first hazard's plan and sign-off reach the accident without anyone relaying them.
    await first.handle.executeUpdate(submitPlanUpdate, { args: [{ actor: unitA, plan: fiveInPlacePlan(first.now + 20 * DAY_MS) }] });
    let hazards = (await accident.handle.query(accidentStateQuery)).investigation?.hazards;
    expect(hazards?.[first.hazardId]).not.toBe(first.status);
    await first.handle.executeUpdate(claimCompletionUpdate, { args: [{ actor: unitA, summary: '已整改', attachments: ['file://a.jpg'] }] });
    await first.handle.executeUpdate(verifyUpdate, { args: [{ actor: inspector, decision: 'accept', comment: '验收合格' }] });
    hazards = (await accident.handle.query(accidentStateQuery)).investigation?.hazards;
    expect(hazards).toEqual({ [first.hazardId]: 'signed_off', [second.hazardId]: second.status });

    // One linked hazard still open: the gate is refused, naming it.
    const refused = await refusalOf(closeRectification());
    expect(refused).toMatchObject({ code: 'accident.gate.not_satisfied' });
    expect(refused.message).toContain(`未销号): ${second.hazardId}`);

    await second.handle.executeUpdate(submitPlanUpdate, { args: [{ actor: unitA, plan: fiveInPlacePlan(second.now + 20 * DAY_MS) }] });
    await second.handle.executeUpdate(claimCompletionUpdate, { args: [{ actor: unitA, summary: '已整改', attachments: ['file://b.jpg'] }] });
    await second.handle.executeUpdate(verifyUpdate, { args: [{ actor: inspector, decision: 'accept', comment: '验收合格' }] });
    const closed = await closeRectification();
    expect(closed.state.investigation?.gates.rectification).toMatchObject({ closed: true, person: '李主任', evidence: '整改验收记录' });

    // Duban fed the statuses as itself, each one recorded in the accident's trail.
    const fed = await harness.dataSource.query(
      `select data->>'hazardId' as "hazardId", data->>'status' as status, actor_role as role from accident_event
        where accident_id = $1 and type = 'rectification_hazard_status' order by seq`,
      [accident.accidentId],
    );
    expect(fed.filter((e: { status: string }) => e.status === 'signed_off').map((e: { hazardId: string }) => e.hazardId)).toEqual([
      first.hazardId,
      second.hazardId,
    ]);
    expect(new Set(fed.map((e: { role: string }) => e.role))).toEqual(new Set(['system']));
    const links = await harness.dataSource.query(
      'select hazard_id, status from accident_rectification_link where accident_id = $1 order by hazard_id',
      [accident.accidentId],
    );
    expect(links).toEqual([first.hazardId, second.hazardId].sort().map((hazard_id) => ({ hazard_id, status: 'signed_off' })));
  });

  it('brings a hazard signed off between the link reading its status and the link being recorded to gate 3', async () => {
    const accident = await startAccident();
    const hazard = await startHazard();
    // The link read the hazard's status (as the API does), then the hazard went to 销号 before the
    // link was recorded: its sign-off found no accident to tell.
    const readAtLink = hazard.status;
    await hazard.handle.executeUpdate(submitPlanUpdate, { args: [{ actor: unitA, plan: fiveInPlacePlan(hazard.now + 20 * DAY_MS) }] });
    await hazard.handle.executeUpdate(claimCompletionUpdate, { args: [{ actor: unitA, summary: '已整改', attachments: ['file://c.jpg'] }] });
    await hazard.handle.executeUpdate(verifyUpdate, { args: [{ actor: inspector, decision: 'accept', comment: '验收合格' }] });
    expect(readAtLink).not.toBe('signed_off');

    const linked = await accident.handle.executeUpdate(linkRectificationHazardUpdate, {
      args: [{ actor: inspector, hazardId: hazard.hazardId, status: readAtLink }],
    });
    expect(linked.state.investigation?.hazards).toEqual({ [hazard.hazardId]: readAtLink });

    // Once linked, the hazard's status as its ledger has it now reached the accident, and gate 3 holds.
    expect((await accident.handle.query(accidentStateQuery)).investigation?.hazards).toEqual({ [hazard.hazardId]: 'signed_off' });
    const closed = await accident.handle.executeUpdate(closeGateUpdate, {
      args: [{ actor: office, gate: 'rectification', evidence: '整改验收记录', person: '李主任' }],
    });
    expect(closed.state.investigation?.gates.rectification).toMatchObject({ closed: true });
    const links = await harness.dataSource.query('select hazard_id, status from accident_rectification_link where accident_id = $1', [
      accident.accidentId,
    ]);
    expect(links).toEqual([{ hazard_id: hazard.hazardId, status: 'signed_off' }]);
  });
});
