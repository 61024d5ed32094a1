import { describe, expect, it } from 'vitest';
import { applyEvents } from '../decider';
import type { Actor } from '../actor';
import type { CovertInspectionCommand } from './covert-inspection-commands';
import { covertInspectionDecider, foldCovertInspectionOpening } from './covert-inspection-decider';
import { STANDARD_COVERT_INSPECTION_POLICY, type CovertInspectionPlan } from './covert-inspection-plan';
import type { CovertInspectionState } from './covert-inspection-state';
import { COVERT_EXPOSURE_PERMISSIONS, covertExposureList } from './covert-exposure';
import { covertFindingHazardId, hazardRegisteredEvent } from './covert-finding-hazard';
import type { HazardRectificationFacts } from './covert-rectification-status';
import { planCovertInspection } from './plan-covert-inspection';
import { authorize } from '../permissions';

const office: Actor = { id: 'o1', name: '市安委办', role: 'office' };
const leader: Actor = { id: 'i-lead', name: '暗访组 吴组长', role: 'inspector' };
// 1 July 2026, 10:00 in Beijing; completed on 3 July.
const PLANNED = new Date('2026-07-01T02:00:00Z');
const COMPLETED = new Date('2026-07-03T02:00:00Z');
const days = (n: number) => new Date(COMPLETED.getTime() + n * 86_400_000);

/** Every candidate drawn: two towns, two industries. */
const plan = (inspectionId: string): CovertInspectionPlan => ({
  inspectionId,
  title: `暗访 ${inspectionId}`,
  regionId: 'city',
  leader: { accountId: leader.id, name: leader.name },
  members: [],
  candidates: [
    { unitId: 'site-1', regionId: 'town-1', industryId: 'construction' },
    { unitId: 'chem-1', regionId: 'town-1', industryId: 'chemicals' },
    { unitId: 'site-2', regionId: 'town-2', industryId: 'construction' },
  ],
  seed: 's',
  stratifyBy: 'none',
  perStratum: 3,
});

/** An inspection whose findings were each ordered (and, unless `untracked`, registered as hazards), then completed. */
function run(
  inspectionId: string,
  findings: Array<[string, 'general' | 'major', number]>,
  completedAt = COMPLETED,
  untracked = false,
): CovertInspectionState {
  let state = foldCovertInspectionOpening(planCovertInspection(plan(inspectionId), office, STANDARD_COVERT_INSPECTION_POLICY, PLANNED)).state;
  const act = (c: CovertInspectionCommand, at: Date) =>
    (state = applyEvents(covertInspectionDecider, state, covertInspectionDecider.decide(state, c, at)).state);
  findings.forEach(([unitId, grade, limitDays], i) => {
    act({ type: 'record_finding', actor: leader, unitId, grade, description: `问题 ${i + 1}` }, PLANNED);
    act(
      {
        type: 'issue_rectification_order',
        actor: leader,
        unitId,
        findingIds: [`${inspectionId}:f${i + 1}`],
        instruction: '限期整改',
        timeLimit: { amount: limitDays, unit: 'days' },
        countyGovernmentUnitId: 'gov',
        industryDepartmentUnitId: 'dept',
      },
      PLANNED,
    );
    const findingId = `${inspectionId}:f${i + 1}`;
    if (!untracked)
      state = applyEvents(covertInspectionDecider, state, [
        hazardRegisteredEvent({ findingId, hazardId: covertFindingHazardId(findingId) }, 'wf', PLANNED),
      ]).state;
  });
  act({ type: 'complete', actor: leader, summary: '结束' }, completedAt);
  return state;
}

describe('暗访曝光: what completed covert inspections found, per region and industry', () => {
  const a = run('a', [
    ['site-1', 'major', 10],
    ['chem-1', 'general', 2],
    ['site-2', 'general', 30],
  ]);
  const late = run('late', [['site-1', 'general', 5]], new Date('2026-08-02T02:00:00Z'), true);
  const row = (status: HazardRectificationFacts['status'], overdue = false): HazardRectificationFacts => ({ status, overdue, delistedAt: null });
  const hazards = new Map([
    [covertFindingHazardId('a:f1'), row('rectifying')],
    [covertFindingHazardId('a:f2'), row('rectifying', true)],
    [covertFindingHazardId('a:f3'), row('signed_off')],
  ]);
  const open = foldCovertInspectionOpening(planCovertInspection(plan('open'), office, STANDARD_COVERT_INSPECTION_POLICY, PLANNED)).state;

  it('groups the period’s findings by region and industry, each with its rectification as its hazard’s ledger row says', () => {
    const list = covertExposureList([late, open, a], { from: '2026-07-01', to: '2026-07-31' }, days(1), hazards);
    expect(list.total).toBe(3);
    expect(list.groups.map((g) => [g.regionId, g.industryId, g.findings, g.major, g.overdue])).toEqual([
      ['town-1', 'chemicals', 1, 0, 1],
      ['town-1', 'construction', 1, 1, 0],
      ['town-2', 'construction', 1, 0, 0],
    ]);
    expect(list.groups.map((g) => g.items[0]!.status)).toEqual(['overdue', 'rectifying', 'rectified']);
    expect(list.groups[1]!.items[0]).toMatchObject({
      inspectionId: 'a',
      unitId: 'site-1',
      grade: 'major',
      listed: true,
      hazardId: covertFindingHazardId('a:f1'),
    });
    // The order's time limit alone decides nothing: without the hazard's row, or the hazard, the item is untracked.
    expect(covertExposureList([a], { from: '2026-07-01', to: '2026-07-31' }, days(60)).groups.map((g) => [g.overdue, g.items[0]!.status])).toEqual([
      [0, 'untracked'],
      [0, 'untracked'],
      [0, 'untracked'],
    ]);
    const before = covertExposureList([late], { from: '2026-08-01', to: '2026-08-31' }, days(60), hazards).groups[0]!.items[0];
    expect(before).toMatchObject({ hazardId: null, status: 'untracked' });
  });

  it('filters by region (the unit’s, or the office’s that ran it) and industry; the same record gives the same list', () => {
    const period = { from: '2026-07-01', to: '2026-08-31' };
    expect(covertExposureList([a, late], { ...period, regionId: 'town-2' }, days(1)).groups.map((g) => g.regionId)).toEqual(['town-2']);
    expect(covertExposureList([a, late], { ...period, regionId: 'city' }, days(1)).total).toBe(4);
    expect(covertExposureList([a, late], { ...period, industry: 'chemicals' }, days(1)).total).toBe(1);
    expect(covertExposureList([late, a], period, days(1))).toEqual(covertExposureList([a, late], period, days(1)));
  });

  it('refuses a malformed or reversed period, naming the field; only the office publishes', () => {
    expect(() => covertExposureList([], { from: '2026-7-1', to: '2026-07-31' }, days(1))).toThrow(expect.objectContaining({ field: 'from' }));
    expect(() => covertExposureList([], { from: '2026-07-31', to: '2026-07-01' }, days(1))).toThrow(expect.objectContaining({ field: 'to' }));
    expect(() => covertExposureList([], { from: '2026-01-01', to: '2027-12-31' }, days(1))).toThrow(
      expect.objectContaining({ code: 'period.too_long' }),
    );
    expect(() => authorize(COVERT_EXPOSURE_PERMISSIONS, 'publish', leader)).toThrow(expect.objectContaining({ code: 'permission.role_not_allowed' }));
    expect(() => authorize(COVERT_EXPOSURE_PERMISSIONS, 'publish', office)).not.toThrow();
  });
});
