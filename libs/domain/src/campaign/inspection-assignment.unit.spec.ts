import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { STANDARD_HAZARD_POLICY } from '../hazard/hazard-policy';
import { DeciderSpecification } from '../testing/decider-specification';
import {
  afterStart,
  CAMPAIGN_START,
  eastWorks,
  inspectorZhang,
  officeLi,
  reporterOf,
  TWO_COUNTY_LAUNCH,
  TWO_PHASE_TEMPLATE,
} from '../testing/campaign-fixtures';
import { buildCampaignSchedule } from './build-campaign-schedule';
import type { CampaignCommand } from './campaign-commands';
import { campaignDecider } from './campaign-decider';
import type { TaskTargetUnit } from './campaign-task';
import { enrolUnitEvents, type UnitContext } from './decide-unit';
import type { UnitCommand } from './unit-commands';
import { unitDecider } from './unit-decider';
import { inspectorAssignedEvents, inspectorUnassignedEvents } from './unit-office-events';

// 检查组分工: the office assigns inspectors to units; once a unit has any, only they inspect it.
const eastOffice: Actor = { id: 'office-east', name: '东城区安委办 周', role: 'office', regionId: 'county-east' };
const inspectorLiu: Actor = { id: 'inspector-liu', name: '检查组 刘工', role: 'inspector' };
const EAST: TaskTargetUnit = { unitId: 'u-east', regionPath: ['city', 'county-east'] };
const WEST: TaskTargetUnit = { unitId: 'u-west', regionPath: ['city', 'county-west'] };
const assign = (units: TaskTargetUnit[], actor: Actor = eastOffice): CampaignCommand => ({
  type: 'assign_inspector',
  actor,
  reason: '检查组分工',
  inspectorId: inspectorZhang.id,
  inspectorName: inspectorZhang.name,
  units,
});
const unassign = (units: TaskTargetUnit[]): CampaignCommand => ({
  type: 'unassign_inspector',
  actor: eastOffice,
  reason: '检查组调整',
  inspectorId: inspectorZhang.id,
  units,
});
const running = () =>
  DeciderSpecification.for(campaignDecider, { start: [TWO_COUNTY_LAUNCH, officeLi], now: afterStart(2) }).given([
    {
      type: 'launched',
      data: { templateId: TWO_PHASE_TEMPLATE.id, unitCount: 2, startsAt: TWO_COUNTY_LAUNCH.startsAt },
      at: CAMPAIGN_START.toISOString(),
      actor: officeLi,
      reason: 'spec',
    },
  ]);

describe('assign_inspector / unassign_inspector (检查组分工)', () => {
  it('records who assigned whom to which units, when and why; assigning again where it stands records nothing', () => {
    const assigned = running()
      .when(assign([EAST]))
      .then([{ type: 'inspector_assigned', data: { inspectorId: inspectorZhang.id, inspectorName: inspectorZhang.name, unitIds: ['u-east'] } }]);
    expect(assigned.state.inspectionAssignments).toEqual([
      {
        unitId: 'u-east',
        inspectorId: inspectorZhang.id,
        inspectorName: inspectorZhang.name,
        assignedBy: eastOffice,
        assignedAt: afterStart(2).toISOString(),
        reason: '检查组分工',
      },
    ]);
    assigned.when(assign([EAST])).then([]);
  });

  it("refuses a unit outside the office's territory, naming it; a city office may assign anywhere", () => {
    const refused = running()
      .when(assign([EAST, WEST]))
      .thenThrows({ code: 'permission.outside_territory' });
    expect(refused.message).toMatch(/u-west/);
    running()
      .when(assign([WEST], officeLi))
      .then([{ type: 'inspector_assigned', data: { unitIds: ['u-west'] } }]);
  });

  it('removes an assignment that stands, and refuses to remove one that stands on none of the units', () => {
    running()
      .when(unassign([EAST]))
      .thenThrows({ code: 'campaign.inspection.not_assigned' });
    running()
      .when(assign([EAST]))
      .then([{ type: 'inspector_assigned' }])
      .when(unassign([EAST]))
      .thenState({ inspectionAssignments: [] });
  });
});

describe("the unit's own check (re-checked in its workflow)", () => {
  const ctx: UnitContext = {
    template: TWO_PHASE_TEMPLATE,
    schedule: buildCampaignSchedule(TWO_PHASE_TEMPLATE, CAMPAIGN_START, {}),
    hazardPolicy: STANDARD_HAZARD_POLICY,
  };
  const base = { at: afterStart(1).toISOString(), actor: eastOffice, reason: '检查组分工' };
  const inspect = (actor: Actor): UnitCommand => ({
    type: 'record_inspection',
    actor,
    tierId: 'county',
    checkItemIds: ['fire-exits'],
    note: '现场检查',
  });
  const enrolled = () =>
    DeciderSpecification.for(unitDecider, {
      start: ['camp-spec', eastWorks, CAMPAIGN_START.toISOString(), false],
      context: ctx,
      now: afterStart(2),
    }).given(enrolUnitEvents(eastWorks, officeLi, CAMPAIGN_START, 'enrolled'));
  const withZhang = () => {
    const given = enrolled();
    return given.and(inspectorAssignedEvents(given.state, { inspectorId: inspectorZhang.id, name: inspectorZhang.name }, base));
  };

  it('lets any inspector inspect a unit without assignments', () => {
    enrolled()
      .when(inspect(inspectorLiu))
      .then([{ type: 'inspection_recorded' }]);
  });

  it('refuses an inspector not assigned, for inspections and findings; the assigned one, the office and the unit itself go on', () => {
    const refused = withZhang().when(inspect(inspectorLiu)).thenThrows({ code: 'permission.not_assigned_inspector', kind: 'forbidden' });
    expect(refused.message).toMatch(/inspector-liu/);
    withZhang()
      .when({
        type: 'record_finding',
        actor: inspectorLiu,
        hazardId: 'h-1',
        report: {
          unitId: 'u-east',
          source: 'campaign',
          title: '安全出口堵塞',
          description: '堆放杂物',
          grade: 'general',
          deadline: afterStart(48).toISOString(),
        },
      } as UnitCommand)
      .thenThrows({ code: 'permission.not_assigned_inspector' });
    withZhang()
      .when(inspect(inspectorZhang))
      .then([{ type: 'inspection_recorded' }]);
    withZhang()
      .when(inspect(officeLi))
      .then([{ type: 'inspection_recorded' }]);
    withZhang()
      .when(inspect(reporterOf(eastWorks)))
      .then([{ type: 'inspection_recorded' }]);
  });

  it('opens the unit to every inspector again once its last assignment is removed', () => {
    const given = withZhang();
    given
      .and(inspectorUnassignedEvents(given.state, inspectorZhang.id, base))
      .when(inspect(inspectorLiu))
      .then([{ type: 'inspection_recorded' }]);
  });
});
