import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  drawCovertSample,
  STANDARD_COVERT_INSPECTION_POLICY,
  type Actor,
  type CommandArgs,
  type CovertInspectionCommand,
  type CovertInspectionCommandType,
  type CovertInspectionPlan,
} from '@duban/domain';
import {
  awaitCovertInspectionRegisteredUpdate,
  COVERT_INSPECTION_COMMAND_UPDATES,
  covertInspectionStateQuery,
  covertInspectionWorkflowId,
} from '@duban/workflows';
import { covertInspectionWorkflow } from '../../workflows/src/covert-inspection/covert-inspection.workflow';
import { fetchHistories, maybeRecordFixtures, replayAll } from '../support/histories';
import { useTimeSkippingHarness } from '../support/time-skipping-env';
import { updateRefusal } from '../support/update-refusal';

const harness = useTimeSkippingHarness('covert');
const office: Actor = { id: 'o1', name: '市安委办 邓主任', role: 'office' };
const leader: Actor = { id: 'i-lead', name: '暗访组 吴组长', role: 'inspector' };
const member: Actor = { id: 'i-2', name: '暗访组 李', role: 'inspector' };
const outsider: Actor = { id: 'i-9', name: '其他检查组 王', role: 'inspector' };
const countyGov: Actor = { id: 'u-cg', name: '县政府 赵县长', role: 'unit', unitId: 'county-gov' };

/** 12 construction sites over two towns, two drawn in each (不打招呼、随机抽查), from one recorded seed. */
function plan(inspectionId: string, seed: string): CovertInspectionPlan {
  return {
    inspectionId,
    title: '汛期建筑施工安全暗访',
    regionId: 'city',
    leader: { accountId: leader.id, name: leader.name },
    members: [{ accountId: member.id, name: member.name }],
    candidates: Array.from({ length: 12 }, (_, i) => ({ unitId: `site-${i}`, regionId: i < 6 ? 'town-1' : 'town-2', industryId: 'construction' })),
    seed,
    stratifyBy: 'region',
    perStratum: 2,
  };
}

async function planInspection(seed: string) {
  const inspectionId = `covert-${randomUUID()}`;
  const handle = await harness.env.client.workflow.start(covertInspectionWorkflow, {
    taskQueue: harness.taskQueue,
    workflowId: covertInspectionWorkflowId(inspectionId),
    args: [{ plan: plan(inspectionId, seed), planner: office, policy: STANDARD_COVERT_INSPECTION_POLICY }],
  });
  const { state } = await handle.executeUpdate(awaitCovertInspectionRegisteredUpdate);
  const send = <T extends CovertInspectionCommandType>(type: T, args: CommandArgs<CovertInspectionCommand, T>) =>
    handle.executeUpdate(COVERT_INSPECTION_COMMAND_UPDATES[type], { args: [args] as never });
  return { inspectionId, handle, send, sample: state.sample };
}

const events = async (inspectionId: string) =>
  (await harness.dataSource.query('select type from covert_inspection_event where inspection_id = $1 order by seq', [inspectionId])).map(
    (r: { type: string }) => r.type,
  );

describe('covert inspections (明察暗访) under time skipping', () => {
  it('plan → major finding → on-site order → one feedback acknowledged, the other overdue → completed; an outsider is refused', async () => {
    const seed = `seed-${randomUUID()}`;
    const { inspectionId, handle, send, sample } = await planInspection(seed);
    // The sample is the seed's: planned again from the same seed, the same units; the record redraws it too.
    const again = await planInspection(seed);
    expect(again.sample.unitIds).toEqual(sample.unitIds);
    expect(drawCovertSample(plan('any', seed).candidates, plan('any', seed)).unitIds).toEqual(sample.unitIds);
    expect(sample.strata.map((s) => [s.key, s.unitIds.length])).toEqual([
      ['town-1', 2],
      ['town-2', 2],
    ]);
    const site = sample.unitIds[0]!;

    const finding = { unitId: site, grade: 'major' as const, description: '深基坑无支护, 临边无防护' };
    expect(await updateRefusal(send('record_finding', { actor: outsider, ...finding }))).toMatchObject({ code: 'covert.team.not_member' });
    expect(await updateRefusal(send('record_finding', { actor: member, ...finding, unitId: 'site-not-drawn' }))).toMatchObject({
      code: 'covert.unit.not_sampled',
    });
    await send('record_finding', { actor: member, ...finding });
    const ordered = await send('issue_rectification_order', {
      actor: leader,
      unitId: site,
      findingIds: [`${inspectionId}:f1`],
      instruction: '立即停止深基坑作业, 限期完成支护',
      timeLimit: { amount: 10, unit: 'days' },
      countyGovernmentUnitId: 'county-gov',
      industryDepartmentUnitId: 'county-housing',
    });
    const [order] = ordered.state.orders;
    expect(order!.feedback.map((f) => [f.recipient, f.unitId])).toEqual([
      ['county_government', 'county-gov'],
      ['industry_department', 'county-housing'],
    ]);
    // 重大隐患挂牌督办, 限期销号 by the order's deadline.
    expect(ordered.state.listed).toEqual([expect.objectContaining({ findingId: `${inspectionId}:f1`, signOffBy: order!.dueAt })]);

    await send('acknowledge_feedback', {
      actor: countyGov,
      orderId: order!.orderId,
      recipient: 'county_government',
      acknowledgedBy: '县政府办 值班',
    });
    expect(
      await updateRefusal(
        send('acknowledge_feedback', { actor: countyGov, orderId: order!.orderId, recipient: 'industry_department', acknowledgedBy: '冒签' }),
      ),
    ).toMatchObject({ code: 'covert.feedback.not_recipient' });
    // 5 working days pass without the industry department's acknowledgement: Duban records it overdue.
    await harness.env.sleep('10 days');
    const late = await handle.query(covertInspectionStateQuery);
    expect(late.orders[0]!.feedback.map((f) => [f.recipient, f.overdue, f.acknowledged !== undefined])).toEqual([
      ['county_government', false, true],
      ['industry_department', true, false],
    ]);

    expect(await updateRefusal(send('complete', { actor: member, summary: '结束' }))).toMatchObject({ code: 'covert.team.not_member' });
    await send('complete', { actor: leader, summary: '暗访结束: 重大隐患 1 项, 已现场下达整改指令' });
    expect(await handle.result()).toMatchObject({ status: 'completed', completed: { by: { id: leader.id } } });
    expect(await events(inspectionId)).toEqual([
      'planned',
      'finding_recorded',
      'rectification_ordered',
      'major_hazard_listed',
      'feedback_acknowledged',
      'feedback_overdue',
      'completed',
    ]);
    const [row] = await harness.dataSource.query('select * from covert_inspection_ledger where inspection_id = $1', [inspectionId]);
    expect(row).toMatchObject({ status: 'completed', listed_major_hazard_count: 1, overdue_feedback_count: 1, open_feedback_count: 0 });

    const histories = await fetchHistories(harness.env.client, [handle.workflowId]);
    maybeRecordFixtures('covert-inspection', histories);
    expect(await replayAll(histories)).toBe(1);
  });
});
