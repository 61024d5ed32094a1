import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { STANDARD_HAZARD_POLICY } from '../hazard/hazard-policy';
import { DeciderSpecification } from '../testing/decider-specification';
import { afterStart, CAMPAIGN_START, eastWorks, officeLi, reporterOf, TWO_COUNTY_LAUNCH, TWO_PHASE_TEMPLATE } from '../testing/campaign-fixtures';
import { buildCampaignSchedule } from './build-campaign-schedule';
import type { CampaignCommand } from './campaign-commands';
import { campaignDecider } from './campaign-decider';
import type { CampaignTaskSpec, TaskTargetUnit, UnitTask } from './campaign-task';
import { selectTargetUnits } from './decide-add-task';
import { enrolUnitEvents, type UnitContext } from './decide-unit';
import { unitDecider } from './unit-decider';
import { taskAssignedEvents } from './unit-office-events';
import { settleUnitObligations } from './unit-timers';
import { unitObligationsBetween } from './unit-task-obligations';

// 比照落实: a county office adds its own task for the roster units of its county; the units owe it like a deliverable.
const eastOffice: Actor = { id: 'office-east', name: '东城区安委办 周', role: 'office', regionId: 'county-east' };
const ROSTER: TaskTargetUnit[] = [
  { unitId: 'u-east', regionPath: ['city', 'county-east'] },
  { unitId: 'u-east-town', regionPath: ['city', 'county-east', 'town-1'] },
  { unitId: 'u-west', regionPath: ['city', 'county-west'] },
  { unitId: 'u-body' },
];
const FRIDAY = afterStart(96); // 2026-03-06 09:00 CST
const spec = (fields: Partial<CampaignTaskSpec> = {}): CampaignTaskSpec => ({
  taskId: 'east-plan',
  title: '东城区实施方案',
  evidence: '盖章的实施方案',
  deadline: { within: { amount: 1, unit: 'workdays' } },
  ...fields,
});
const addTask = (actor: Actor, units: TaskTargetUnit[], fields: Partial<CampaignTaskSpec> = {}, reason = '落实市级部署'): CampaignCommand => ({
  type: 'add_task',
  actor,
  reason,
  task: spec(fields),
  units,
});
const running = () =>
  DeciderSpecification.for(campaignDecider, { start: [TWO_COUNTY_LAUNCH, officeLi], now: FRIDAY }).given([
    {
      type: 'launched',
      data: { templateId: TWO_PHASE_TEMPLATE.id, unitCount: 2, startsAt: TWO_COUNTY_LAUNCH.startsAt },
      at: CAMPAIGN_START.toISOString(),
      actor: officeLi,
      reason: 'spec',
    },
  ]);

describe('the units a task targets (selectTargetUnits)', () => {
  it("defaults to the roster units within the actor's territory, and every unit for an unscoped office", () => {
    expect(selectTargetUnits(ROSTER, undefined, eastOffice).map((u) => u.unitId)).toEqual(['u-east', 'u-east-town']);
    expect(selectTargetUnits(ROSTER, undefined, officeLi).map((u) => u.unitId)).toEqual(['u-east', 'u-east-town', 'u-west', 'u-body']);
  });

  it('takes listed units from the roster with their region paths, refusing one not on it', () => {
    expect(selectTargetUnits(ROSTER, ['u-west'], eastOffice)).toEqual([{ unitId: 'u-west', regionPath: ['city', 'county-west'] }]);
    expect(() => selectTargetUnits(ROSTER, ['u-gone'], eastOffice)).toThrow(expect.objectContaining({ code: 'campaign.task.unit_not_on_roster' }));
  });
});

describe('add_task (下达本级任务)', () => {
  it('records the task with its working-day deadline, its units, and who added it in which region, when and why', () => {
    const { state } = running()
      .when(addTask(eastOffice, ROSTER.slice(0, 2)))
      .then([{ type: 'task_added', actor: eastOffice, reason: '落实市级部署' }]);
    expect(state.tasks).toEqual([
      {
        spec: spec(),
        // Friday 09:00 CST + 1 working day = Monday 09:00 CST.
        dueAt: '2026-03-09T01:00:00.000Z',
        unitIds: ['u-east', 'u-east-town'],
        addedBy: eastOffice,
        regionId: 'county-east',
        addedAt: FRIDAY.toISOString(),
        reason: '落实市级部署',
      },
    ]);
  });

  it("refuses a unit outside the office's territory, naming it, and one with no region but for an unscoped office", () => {
    const west = running()
      .when(addTask(eastOffice, [ROSTER[0], ROSTER[2]]))
      .thenThrows({ code: 'permission.outside_territory' });
    expect(west.message).toMatch(/u-west/);
    const noRegion = running()
      .when(addTask(eastOffice, [ROSTER[3]]))
      .thenThrows({ code: 'permission.outside_territory' });
    expect(noRegion.message).toMatch(/u-body/);
    running()
      .when(addTask(officeLi, [ROSTER[3]]))
      .then([{ type: 'task_added', data: { task: { unitIds: ['u-body'], regionId: null } } }]);
  });

  it('is idempotent by taskId: the same body decides nothing, another body is a conflict', () => {
    const added = running()
      .when(addTask(eastOffice, [ROSTER[0]]))
      .then([{ type: 'task_added' }]);
    added.when(addTask(eastOffice, [ROSTER[0]])).then([]);
    added.when(addTask(eastOffice, [ROSTER[0]], { title: '另一个任务' })).thenThrows({ code: 'campaign.task.id_taken' });
  });

  it('refuses a deadline already past or after the campaign ends, and a task for no unit', () => {
    running()
      .when(addTask(eastOffice, [ROSTER[0]], { deadline: { dueAt: afterStart(1).toISOString() } }))
      .thenThrows({ code: 'campaign.task.deadline_past', field: 'deadline' });
    running()
      .when(addTask(eastOffice, [ROSTER[0]], { deadline: { within: { amount: 30, unit: 'days' } } }))
      .thenThrows({ code: 'campaign.task.after_end' });
    running().when(addTask(eastOffice, [])).thenThrows({ code: 'campaign.task.no_units' });
  });
});

describe("a unit's task: owed like a deliverable", () => {
  const ctx: UnitContext = {
    template: TWO_PHASE_TEMPLATE,
    schedule: buildCampaignSchedule(TWO_PHASE_TEMPLATE, CAMPAIGN_START, {}),
    hazardPolicy: STANDARD_HAZARD_POLICY,
  };
  const task: UnitTask = {
    taskId: 'east-plan',
    title: '东城区实施方案',
    evidence: '盖章的实施方案',
    dueAt: '2026-03-09T01:00:00.000Z',
    addedBy: eastOffice,
    regionId: 'county-east',
  };
  const base = { at: FRIDAY.toISOString(), actor: eastOffice, reason: '落实市级部署' };
  const withTask = () => {
    const given = DeciderSpecification.for(unitDecider, {
      start: ['camp-spec', eastWorks, CAMPAIGN_START.toISOString(), false],
      context: ctx,
      now: afterStart(100),
    }).given(enrolUnitEvents(eastWorks, officeLi, CAMPAIGN_START, 'enrolled'));
    return given.and(taskAssignedEvents(given.state, task, base));
  };

  it('is among its obligations as deliverable:task:<taskId>, once (a second assignment records nothing)', () => {
    const { state } = withTask();
    expect(taskAssignedEvents(state, task, base)).toEqual([]);
    const due = unitObligationsBetween(ctx, state.tasks, FRIDAY, new Date(task.dueAt));
    expect(due.find((o) => o.id === 'deliverable:task:east-plan')).toMatchObject({ kind: 'deliverable', name: '东城区实施方案', dueAt: task.dueAt });
  });

  it('is submitted through the report route with its evidence, within the submission window like any deliverable', () => {
    const submit = {
      type: 'submit_report',
      actor: reporterOf(eastWorks),
      obligationId: 'deliverable:task:east-plan',
      zero: false,
      content: '方案已印发',
    } as const;
    withTask().when(submit).thenThrows({ code: 'campaign.obligation.not_open' });
    withTask()
      .when(submit, new Date(Date.parse(task.dueAt) - 3600_000))
      .then([{ type: 'report_submitted', data: { obligationId: 'deliverable:task:east-plan', onTime: true } }]);
  });

  it('missed at its deadline, it counts against the unit and climbs its ladder', () => {
    const { state } = withTask();
    // Every other obligation up to the deadline reported, so only the task is missed.
    const others = unitObligationsBetween(ctx, state.tasks, CAMPAIGN_START, new Date(task.dueAt)).filter(
      (o) => o.id !== 'deliverable:task:east-plan',
    );
    const submissions = Object.fromEntries(others.map((o) => [o.id, { at: o.dueAt, onTime: true, zero: true, by: officeLi }]));
    const settled = settleUnitObligations({ ...state, submissions }, ctx, new Date(Date.parse(task.dueAt) + 60_000));
    expect(settled.events.map((e) => [e.type, e.data])).toEqual([
      ['obligation_missed', { obligationId: 'deliverable:task:east-plan', dueAt: task.dueAt }],
      ['escalated', { stepId: 'remind', instrument: 'reminder', missedCount: 1 }],
    ]);
    expect(settled.state.missedOpen).toEqual(['deliverable:task:east-plan']);
  });
});
