import { describe, expect, it } from 'vitest';
import { selectTargetUnits, type Actor, type ScopeUnit, type UnitObligationsState } from '@duban/domain';
import { CampaignTaskReader } from '@duban/persistence';
import {
  addTaskUpdate,
  assignInspectorUpdate,
  closeCampaignUpdate,
  recordInspectionUpdate,
  submitReportUpdate,
  unitViewQuery,
} from '@duban/workflows';
import { launchRosterCampaign, testTemplate } from '../support/campaign-fixtures';
import { eventually } from '../support/dev-server';
import { office } from '../support/hazard-fixtures';
import { fetchHistories, replayAll } from '../support/histories';
import { useTimeSkippingHarness } from '../support/time-skipping-env';

const HOUR_MS = 3600_000;

/** A city campaign with nothing of its own to report: every obligation below comes from the county's task. */
const CITY = testTemplate({
  id: 'county-tasks-test',
  name: '市级专项行动 (county tasks test)',
  phases: [{ id: 'rectify', name: '集中整治', duration: { amount: 5, unit: 'days' }, deliverables: [] }],
  reports: [],
});
const unitIn = (county: string, n: number): ScopeUnit => ({
  unitId: `${county}-u${n}`,
  name: `${county}企业${n}`,
  kind: 'enterprise',
  regionId: `county-${county}`,
  industryId: 'construction',
  regionPath: ['city', `county-${county}`],
});
const ROSTER = [unitIn('east', 1), unitIn('east', 2), unitIn('west', 1)];
const eastOffice: Actor = { id: 'office-east', name: '东城区安委办 周', role: 'office', regionId: 'county-east' };
const zhang: Actor = { id: 'inspector-zhang', name: '检查组 张工', role: 'inspector' };
const liu: Actor = { id: 'inspector-liu', name: '检查组 刘工', role: 'inspector' };
const reporter = (unitId: string): Actor => ({ id: `${unitId}-wang`, name: `${unitId} 王经理`, role: 'unit', unitId });
const TASK_OBLIGATION = 'deliverable:task:east-plan';

/** The refusal's stable code, as an update caller receives it (rejection-failure.ts). */
const codeOf = (error: unknown) => (error as { cause?: { details?: Array<{ code?: string }> } }).cause?.details?.[0]?.code;

const harness = useTimeSkippingHarness('county-tasks');

describe('a county adds its own task below a city campaign (比照落实); inspectors act within their assignments (检查组分工)', () => {
  it("binds county east's units only, escalates the unit that missed it on its ladder, and lets only the assigned inspector inspect", async () => {
    const { env, dataSource } = harness;
    const { campaignId, campaign, unit } = await launchRosterCampaign(harness, CITY, ROSTER);
    const stateOf = async (unitId: string): Promise<UnitObligationsState> => (await unit(unitId).query(unitViewQuery)).state;

    // What the API does: the roster from the ledger, the county's own units by default.
    const reader = new CampaignTaskReader(dataSource);
    const roster = await reader.targetableUnits(campaignId);
    const task = {
      taskId: 'east-plan',
      title: '东城区实施方案',
      evidence: '盖章的实施方案',
      deadline: { within: { amount: 1, unit: 'days' as const } },
    };
    const added = await campaign.executeUpdate(addTaskUpdate, {
      args: [{ actor: eastOffice, reason: '落实市级部署', task, units: selectTargetUnits(roster, undefined, eastOffice) }],
    });
    const dueAt = Date.parse(added.view.state.tasks![0].dueAt);
    expect(added.view.state.tasks![0]).toMatchObject({ unitIds: ['east-u1', 'east-u2'], regionId: 'county-east', addedBy: eastOffice });
    // County east's office on a county west unit: refused in the validator, naming the unit.
    const refused = await campaign
      .executeUpdate(addTaskUpdate, {
        args: [
          {
            actor: eastOffice,
            reason: 'x',
            task: { ...task, taskId: 'west-try', unitIds: ['west-u1'] },
            units: selectTargetUnits(roster, ['west-u1'], eastOffice),
          },
        ],
      })
      .catch((e: unknown) => e);
    expect(codeOf(refused)).toBe('permission.outside_territory');
    expect(String((refused as Error).cause)).toMatch(/west-u1/);

    await eventually(async () => (await stateOf('east-u2')).tasks?.length === 1 && (await stateOf('east-u1')).tasks?.length === 1);
    await env.sleep(dueAt - HOUR_MS - (await env.currentTimeMs()));
    const filed = await unit('east-u1').executeUpdate(submitReportUpdate, {
      args: [{ actor: reporter('east-u1'), obligationId: TASK_OBLIGATION, zero: false, content: '方案已印发, 附件见台账' }],
    });
    expect(filed.events).toMatchObject([{ type: 'report_submitted', data: { obligationId: TASK_OBLIGATION, onTime: true } }]);

    await env.sleep(dueAt + HOUR_MS - (await env.currentTimeMs()));
    const late = await stateOf('east-u2');
    expect(late.missedOpen).toEqual([TASK_OBLIGATION]);
    expect(late.escalations.map((e) => e.stepId)).toEqual(['remind']);
    expect((await stateOf('east-u1')).escalations).toEqual([]);
    const west = await stateOf('west-u1');
    expect([west.tasks ?? [], west.counters.due, west.escalations]).toEqual([[], 0, []]);
    expect(await reader.tasks(campaignId)).toMatchObject([
      { taskId: 'east-plan', unitIds: ['east-u1', 'east-u2'], regionId: 'county-east', unitsListed: false },
    ]);

    // 检查组分工: zhang is assigned to east-u1; liu, not assigned, is refused by the unit's own decider.
    await campaign.executeUpdate(assignInspectorUpdate, {
      args: [
        {
          actor: eastOffice,
          reason: '检查组分工',
          inspectorId: zhang.id,
          inspectorName: zhang.name,
          units: selectTargetUnits(roster, ['east-u1'], eastOffice),
        },
      ],
    });
    await eventually(async () => (await stateOf('east-u1')).inspectors?.length === 1);
    const inspection = { tierId: 'county', checkItemIds: [], note: '现场检查' };
    const notAssigned = await unit('east-u1')
      .executeUpdate(recordInspectionUpdate, { args: [{ actor: liu, ...inspection }] })
      .catch((e: unknown) => e);
    expect(codeOf(notAssigned)).toBe('permission.not_assigned_inspector');
    const recorded = await unit('east-u1').executeUpdate(recordInspectionUpdate, { args: [{ actor: zhang, ...inspection }] });
    expect(recorded.view.state.counters.inspections).toBe(1);
    expect(await reader.assignments(campaignId)).toMatchObject([{ unitId: 'east-u1', inspectorId: zhang.id, assignedBy: { id: eastOffice.id } }]);

    await campaign.executeUpdate(closeCampaignUpdate, { args: [{ actor: office, reason: '测试结束' }] });
    expect((await campaign.result()).status).toBe('closed');
    const histories = await fetchHistories(env.client, [campaign.workflowId, unit('east-u1').workflowId, unit('east-u2').workflowId]);
    expect(await replayAll(histories)).toBe(3);
  });
});
