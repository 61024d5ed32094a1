import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { applyEvents } from '../decider';
import { DUBAN_ID_PATTERN } from '../hazard/hazard-report';
import type { CovertInspectionCommand } from './covert-inspection-commands';
import { covertInspectionDecider, foldCovertInspectionOpening } from './covert-inspection-decider';
import { STANDARD_COVERT_INSPECTION_POLICY } from './covert-inspection-plan';
import { covertFindingHazard, covertFindingHazardId, findingsAwaitingHazards, hazardRegisteredEvent } from './covert-finding-hazard';
import { covertRectificationStatus } from './covert-rectification-status';
import { nameBasedUuid } from './name-based-uuid';
import { planCovertInspection } from './plan-covert-inspection';

const office: Actor = { id: 'o1', name: '市安委办', role: 'office', unitId: 'city-office' };
const leader: Actor = { id: 'i-lead', name: '暗访组 吴组长', role: 'inspector' };
const AT = new Date('2026-07-01T02:00:00Z');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function ordered() {
  let state = foldCovertInspectionOpening(
    planCovertInspection(
      {
        inspectionId: 'cv1',
        title: '暗访',
        regionId: 'city',
        leader: { accountId: leader.id, name: leader.name },
        members: [],
        candidates: [{ unitId: 'site-1', regionId: 'town-1', industryId: 'construction' }],
        seed: 's',
        stratifyBy: 'none',
        perStratum: 1,
      },
      office,
      STANDARD_COVERT_INSPECTION_POLICY,
      AT,
    ),
  ).state;
  const act = (c: CovertInspectionCommand) => {
    const applied = applyEvents(covertInspectionDecider, state, covertInspectionDecider.decide(state, c, AT));
    state = applied.state;
    return applied.events;
  };
  act({ type: 'record_finding', actor: leader, unitId: 'site-1', grade: 'general', description: '临边防护缺失' });
  act({ type: 'record_finding', actor: leader, unitId: 'site-1', grade: 'major', description: '深基坑无支护' });
  const events = act({
    type: 'issue_rectification_order',
    actor: leader,
    unitId: 'site-1',
    findingIds: ['cv1:f1', 'cv1:f2'],
    instruction: '立即整改',
    timeLimit: { amount: 10, unit: 'days' },
    countyGovernmentUnitId: 'gov',
    industryDepartmentUnitId: 'dept',
  });
  return { state, events };
}

describe('a covert finding becomes a hazard (隐患台账)', () => {
  it('derives a stable UUID hazard id from the finding id (RFC 9562 v5)', () => {
    expect(nameBasedUuid('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(nameBasedUuid('', '6ba7b811-9dad-11d1-80b4-00c04fd430c8')).toBe('1b4db7eb-4057-5ddf-91e0-36dec72071f5');
    expect(nameBasedUuid('x'.repeat(56), '6ba7b811-9dad-11d1-80b4-00c04fd430c8')).toBe('3626e090-976f-515f-95a7-d3a479e5f76b');
    expect(nameBasedUuid('暗访:f1'.repeat(30), '6ba7b811-9dad-11d1-80b4-00c04fd430c8')).toBe('a9c39e0c-5ff8-58f4-8a19-d0e20d345177');
    const id = covertFindingHazardId('cv1:f1');
    expect(id).toMatch(UUID);
    expect(id).toMatch(new RegExp(DUBAN_ID_PATTERN));
    expect(covertFindingHazardId('cv1:f1')).toBe(id);
    expect(covertFindingHazardId('cv1:f2')).not.toBe(id);
  });

  it('files each ordered finding: graded as found, due by the order, found by the leader; a 重大隐患 listed by the planning office', () => {
    const { state, events } = ordered();
    expect(findingsAwaitingHazards(state, events)).toEqual(['cv1:f1', 'cv1:f2']);
    const place = { location: '某建筑工地', industry: '建筑施工' };
    const general = covertFindingHazard(state, 'cv1:f1', place);
    expect(general).toEqual({
      findingId: 'cv1:f1',
      hazardId: covertFindingHazardId('cv1:f1'),
      reporter: leader,
      report: {
        title: '明察暗访发现: 临边防护缺失',
        description: '临边防护缺失',
        location: '某建筑工地',
        industry: '建筑施工',
        unitId: 'site-1',
        grade: 'general',
        source: 'covert_inspection',
        finder: leader.name,
        deadline: state.orders[0]!.dueAt,
      },
    });
    expect(covertFindingHazard(state, 'cv1:f2', place).listing).toMatchObject({
      level: 'county',
      tracker: { name: leader.name, unitId: 'city-office' },
      actor: office,
      reason: expect.stringContaining('暗访发现重大隐患'),
    });
    expect(() => covertFindingHazard(state, 'cv1:f9', place)).toThrow(/not an ordered finding/);
  });

  it('records the hazard on its finding; a finding with its hazard awaits none', () => {
    const { state, events } = ordered();
    const registered = applyEvents(covertInspectionDecider, state, [
      hazardRegisteredEvent({ findingId: 'cv1:f2', hazardId: 'h-2' }, 'hazard-h-2', AT),
    ]);
    expect(registered.state.findings.map((f) => f.hazardId)).toEqual([undefined, 'h-2']);
    expect(registered.events[0]).toMatchObject({
      type: 'hazard_registered',
      data: { findingId: 'cv1:f2', hazardId: 'h-2', workflowId: 'hazard-h-2' },
    });
    expect(findingsAwaitingHazards(registered.state, events)).toEqual(['cv1:f1']);
    expect(findingsAwaitingHazards(registered.state, registered.events)).toEqual([]);
  });
});

describe('an exposed finding’s rectification status, from its hazard’s ledger row', () => {
  it('已整改 once signed off or delisted, 逾期未整改 when overdue, 整改中 otherwise, 未跟踪 without a hazard', () => {
    expect(covertRectificationStatus({ status: 'signed_off', overdue: true, delistedAt: null })).toBe('rectified');
    expect(covertRectificationStatus({ status: 'signed_off', overdue: false, delistedAt: '2026-07-20T00:00:00.000Z' })).toBe('rectified');
    expect(covertRectificationStatus({ status: 'rectifying', overdue: true, delistedAt: null })).toBe('overdue');
    expect(covertRectificationStatus({ status: 'awaiting_verification', overdue: false, delistedAt: null })).toBe('rectifying');
    expect(covertRectificationStatus({ status: 'awaiting_plan', overdue: false, delistedAt: null })).toBe('rectifying');
    expect(covertRectificationStatus(undefined)).toBe('untracked');
  });
});
