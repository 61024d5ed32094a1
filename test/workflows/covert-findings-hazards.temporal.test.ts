import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  covertFindingHazardId,
  STANDARD_COVERT_INSPECTION_POLICY,
  type Actor,
  type CommandArgs,
  type CovertInspectionCommand,
  type CovertInspectionCommandType,
} from '@duban/domain';
import { RegistryWriter } from '@duban/persistence';
import {
  awaitCovertInspectionRegisteredUpdate,
  claimCompletionUpdate,
  COVERT_INSPECTION_COMMAND_UPDATES,
  covertInspectionWorkflowId,
  delistUpdate,
  hazardStateQuery,
  hazardWorkflowId,
  submitPlanUpdate,
  verifyUpdate,
} from '@duban/workflows';
import { covertInspectionWorkflow } from '../../workflows/src/covert-inspection/covert-inspection.workflow';
import { change, sampleTree } from '../../libs/persistence/src/registry/testing/registry-fixtures';
import { DAY_MS, fiveInPlacePlan } from '../support/hazard-fixtures';
import { fetchHistories, maybeRecordFixtures, replayAll } from '../support/histories';
import { useTimeSkippingHarness } from '../support/time-skipping-env';

// No handle.result() on the inspection: it waits on its feedback, and awaiting a result lets the
// test server skip time past an idle workflow's execution timeout.
const harness = useTimeSkippingHarness('covert-hazards');
const tree = sampleTree(`ch-${randomUUID().slice(0, 8)}`);
const office: Actor = { id: 'o1', name: '市安委办 邓主任', role: 'office', unitId: 'city-office' };
const leader: Actor = { id: 'i-lead', name: '暗访组 吴组长', role: 'inspector' };
const manager: Actor = { id: 'ent-manager', name: '甲化工 王经理', role: 'unit', unitId: tree.unit.id };

beforeAll(async () => {
  const { province, city, county, town, industry, unit } = tree;
  await new RegistryWriter(harness.dataSource).writeRegistryBatch(
    [
      ...[province, city, county, town].map((record) => ({ kind: 'region' as const, op: 'put' as const, record })),
      { kind: 'industry', op: 'put', record: industry },
      { kind: 'unit', op: 'put', record: unit },
    ],
    change(0),
  );
});

/** A covert inspection of the one registry unit in scope, planned by the city office. */
async function planInspection() {
  const inspectionId = `covert-${randomUUID()}`;
  const handle = await harness.env.client.workflow.start(covertInspectionWorkflow, {
    taskQueue: harness.taskQueue,
    workflowId: covertInspectionWorkflowId(inspectionId),
    args: [
      {
        plan: {
          inspectionId,
          title: '危化企业暗访',
          regionId: tree.city.id,
          leader: { accountId: leader.id, name: leader.name },
          members: [],
          candidates: [{ unitId: tree.unit.id, regionId: tree.town.id, industryId: tree.industry.id }],
          seed: 'one',
          stratifyBy: 'none',
          perStratum: 1,
        },
        planner: office,
        policy: STANDARD_COVERT_INSPECTION_POLICY,
      },
    ],
  });
  await handle.executeUpdate(awaitCovertInspectionRegisteredUpdate);
  const send = <T extends CovertInspectionCommandType>(type: T, args: CommandArgs<CovertInspectionCommand, T>, updateId?: string) =>
    handle.executeUpdate(COVERT_INSPECTION_COMMAND_UPDATES[type], { args: [args] as never, ...(updateId ? { updateId } : {}) });
  return { inspectionId, handle, send };
}

const covertEvents = async (inspectionId: string): Promise<Array<{ type: string; data: { findingId?: string; hazardId?: string } }>> =>
  harness.dataSource.query('select type, data from covert_inspection_event where inspection_id = $1 order by seq', [inspectionId]);
const hazardRows = async (ids: string[]): Promise<Array<{ hazard_id: string; status: string; grade: string; source: string }>> =>
  harness.dataSource.query('select hazard_id, status, grade, source from hazard_ledger where hazard_id = ANY($1) order by grade', [ids]);

describe('covert findings become hazards in the ledger (暗访发现 → 隐患台账, 重大隐患挂牌督办、限期销号)', () => {
  it('an order over a general and a major finding files two hazards; the major one is listed and stays open until delisted', async () => {
    const { inspectionId, handle, send } = await planInspection();
    await send('record_finding', { actor: leader, unitId: tree.unit.id, grade: 'general', description: '消防通道堆放杂物' });
    await send('record_finding', { actor: leader, unitId: tree.unit.id, grade: 'major', description: '储罐区可燃气体报警器失效' });
    const findingIds = [`${inspectionId}:f1`, `${inspectionId}:f2`];
    const order = {
      actor: leader,
      unitId: tree.unit.id,
      findingIds,
      instruction: '立即清理通道, 限期修复报警器',
      timeLimit: { amount: 10, unit: 'days' as const },
      countyGovernmentUnitId: 'county-gov',
      industryDepartmentUnitId: 'county-chem',
    };
    const ordered = await send('issue_rectification_order', order, 'order-once');
    const [generalId, majorId] = findingIds.map(covertFindingHazardId);
    expect(ordered.state.findings.map((f) => [f.findingId, f.hazardId])).toEqual([
      [findingIds[0], generalId],
      [findingIds[1], majorId],
    ]);
    expect(ordered.events.map((e) => e.type)).toEqual(['rectification_ordered', 'major_hazard_listed', 'hazard_registered', 'hazard_registered']);
    const dueAt = ordered.state.orders[0]!.dueAt;

    const general = harness.env.client.workflow.getHandle(hazardWorkflowId(generalId!));
    const major = harness.env.client.workflow.getHandle(hazardWorkflowId(majorId!));
    const report = {
      unitId: tree.unit.id,
      source: 'covert_inspection',
      finder: leader.name,
      deadline: dueAt,
      location: tree.unit.name,
      industry: tree.industry.name,
    };
    const generalState = await general.query(hazardStateQuery);
    expect(generalState.report).toMatchObject({ ...report, grade: 'general', description: '消防通道堆放杂物' });
    expect(generalState.listing).toBeUndefined();
    const majorState = await major.query(hazardStateQuery);
    expect(majorState.report).toMatchObject({ ...report, grade: 'major', description: '储罐区可燃气体报警器失效' });
    expect(majorState.reportedBy).toMatchObject({ id: leader.id });
    expect(majorState.listing).toMatchObject({ level: 'county', tracker: { name: leader.name, unitId: office.unitId } });
    expect(majorState.listing!.lastChange).toMatchObject({ by: { id: office.id }, reason: expect.stringContaining('暗访发现重大隐患') });

    // The retried order is the first one's answer; nothing is filed twice.
    const retried = await send('issue_rectification_order', order, 'order-once');
    expect(retried.events.map((e) => e.type)).toEqual(ordered.events.map((e) => e.type));
    expect((await covertEvents(inspectionId)).filter((e) => e.type === 'hazard_registered').map((e) => e.data.hazardId)).toEqual([
      generalId,
      majorId,
    ]);
    expect(await hazardRows([generalId!, majorId!])).toEqual([
      { hazard_id: generalId, status: 'awaiting_plan', grade: 'general', source: 'covert_inspection' },
      { hazard_id: majorId, status: 'awaiting_plan', grade: 'major', source: 'covert_inspection' },
    ]);

    // 限期销号: the unit rectifies, the inspector signs it off; the listing keeps the file open until the office closes it.
    const now = await harness.env.currentTimeMs();
    await major.executeUpdate(submitPlanUpdate, { args: [{ actor: manager, plan: fiveInPlacePlan(now + 8 * DAY_MS) }] });
    await major.executeUpdate(claimCompletionUpdate, { args: [{ actor: manager, summary: '报警器已更换并校验', attachments: [] }] });
    const signedOff = await major.executeUpdate(verifyUpdate, {
      args: [{ actor: leader, decision: 'accept', comment: '复查合格', effectEvaluation: '报警联动有效' }],
    });
    expect(signedOff.state.status).toBe('signed_off');
    expect((await major.describe()).status.name).toBe('RUNNING');
    await major.executeUpdate(delistUpdate, { args: [{ actor: office, reason: '整改验收合格, 同意销号' }] });
    expect((await major.result()).listing?.delisted).toMatchObject({ by: { id: office.id } });

    const histories = await fetchHistories(harness.env.client, [handle.workflowId, general.workflowId, major.workflowId]);
    maybeRecordFixtures('covert-findings-hazards', histories);
    expect(await replayAll(histories)).toBe(3);
  });
});
