import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { DeciderSpecification, type Given } from '../testing/decider-specification';
import { WEEKDAY_CALENDAR } from '../time/work-calendar';
import { openHazardFile } from './decide-hazard';
import type { HazardCommand } from './hazard-commands';
import { hazardDecider } from './hazard-decider';
import type { NewHazardEvent } from './hazard-events';
import { awaitsDelisting } from './hazard-listing';
import { STANDARD_HAZARD_POLICY, type HazardPolicy } from './hazard-policy';
import type { HazardReport } from './hazard-report';
import type { HazardState } from './hazard-state';
import { decideDueTimers } from './hazard-timers';

const cityOffice: Actor = { id: 'o-city', name: '市安委办 周主任', role: 'office', unitId: 'city-office', regionId: '411700' };
const countyOffice: Actor = { id: 'o-county', name: '县安委办 吴主任', role: 'office', unitId: 'county-office', regionId: '411721' };
const inspector: Actor = { id: 'i1', name: '检查组 张工', role: 'inspector' };
const unitA: Actor = { id: 'a1', name: 'A公司 王经理', role: 'unit', unitId: 'unit-a' };
const tracker = { name: '市应急管理局 孙科长', personId: 'person-sun', unitId: 'city-emergency' };

const t0 = new Date('2026-11-02T02:00:00Z');
const at = (days: number) => new Date(t0.getTime() + days * 24 * 3600_000);

function report(overrides: Partial<HazardReport> = {}): HazardReport {
  return {
    title: '液氨储罐区未设置泄漏报警',
    description: '液氨储罐区可燃有毒气体报警装置缺失',
    location: '制冷车间',
    industry: '工贸',
    unitId: 'unit-a',
    grade: 'general',
    source: 'inspection',
    finder: '张工',
    deadline: at(30).toISOString(),
    ...overrides,
  };
}

type HazardGiven = Given<HazardState, HazardCommand, NewHazardEvent>;

function opened(overrides: Partial<HazardReport> = {}, policy: HazardPolicy = STANDARD_HAZARD_POLICY): HazardGiven {
  const opening = openHazardFile('h1', report(overrides), inspector, policy, t0);
  const reported = opening[0];
  if (reported?.type !== 'reported') throw new Error('a hazard file opens with its report');
  return DeciderSpecification.for(hazardDecider, { start: [reported], context: WEEKDAY_CALENDAR, now: t0 }).given(opening);
}

const list = (actor: Actor, level: 'county' | 'city' | 'province', reason = '市安委会挂牌督办'): HazardCommand => ({
  type: 'list_for_supervision',
  actor,
  level,
  tracker,
  reason,
});

/** A hazard fixed on the spot and signed off (一般隐患, 边查边改). */
const signOff = (given: HazardGiven, day: number): HazardGiven =>
  given
    .when({ type: 'claim_completion', actor: unitA, summary: '已安装报警装置' }, at(day))
    .thenState({ status: 'awaiting_verification' })
    .when({ type: 'verify', actor: inspector, decision: 'accept', comment: '验收合格' }, at(day + 1))
    .thenState({ status: 'signed_off' });

describe('挂牌督办 by an office, by level', () => {
  it("lists the hazard at the level asked, recording the office's region, the tracker, who, when and why", () => {
    const listed = opened()
      .when(list(cityOffice, 'city'), at(2))
      .then([
        {
          type: 'listed',
          actor: cityOffice,
          at: at(2).toISOString(),
          reason: '市安委会挂牌督办',
          data: { level: 'city', regionId: '411700', tracker },
        },
      ]);
    expect(listed.state).toMatchObject({
      listedForSupervision: true,
      listing: { level: 'city', regionId: '411700', tracker, listedAt: at(2).toISOString(), listedBy: cityOffice },
    });
    expect(awaitsDelisting(listed.state)).toBe(true);
  });

  it('records nothing when the same listing is asked again (idempotent), and a change when the tracker differs', () => {
    const listed = opened().when(list(cityOffice, 'city'), at(2)).thenState({ lastSeq: 2 });
    listed.when(list(cityOffice, 'city', '重复提交'), at(3)).then([]);
    listed
      .when({ ...list(cityOffice, 'city'), tracker: { name: '市住建局 郑科长' } } as HazardCommand, at(3))
      .then([
        { type: 'listing_changed', data: { previousLevel: 'city', level: 'city', tracker: { name: '市住建局 郑科长', unitId: 'city-office' } } },
      ]);
  });

  it('raises the level (county → city → province) and refuses to lower it, naming level', () => {
    const county = opened()
      .when(list(countyOffice, 'county'), at(1))
      .thenState({ listing: { level: 'county', regionId: '411721' } });
    const city = county
      .when(list(cityOffice, 'city', '提级督办'), at(3))
      .then([{ type: 'listing_changed', data: { previousLevel: 'county', level: 'city', regionId: '411700' } }]);
    expect(city.state.listing).toMatchObject({ level: 'city', listedAt: at(1).toISOString(), lastChange: { by: cityOffice, reason: '提级督办' } });
    city.when(list(countyOffice, 'county'), at(4)).thenThrows({ kind: 'invalid', code: 'hazard.listing.level_lower', field: 'level' });
  });

  it('refuses other roles, unknown levels, a missing tracker or reason, and a signed-off hazard', () => {
    const file = opened();
    file.when(list(unitA, 'county'), at(1)).thenThrows({ kind: 'forbidden', code: 'permission.role_not_allowed' });
    file.when(list(inspector, 'county'), at(1)).thenThrows({ kind: 'forbidden', code: 'permission.role_not_allowed' });
    file.when(list(cityOffice, 'nation' as never), at(1)).thenThrows({ code: 'input.not_one_of', field: 'level' });
    file.when({ ...list(cityOffice, 'city'), tracker: { name: ' ' } } as HazardCommand, at(1)).thenThrows({ field: 'tracker.name' });
    file.when(list(cityOffice, 'city', ''), at(1)).thenThrows({ code: 'input.required', field: 'reason' });
    signOff(file, 1).when(list(cityOffice, 'city'), at(5)).thenThrows({ kind: 'conflict', code: 'hazard.status.not_allowed' });
  });
});

describe('挂牌督办 by the policy', () => {
  it('lists a major hazard on report at the level the policy names (county when it names none)', () => {
    expect(opened({ grade: 'major' }).state.listing).toMatchObject({ level: 'county', regionId: null, tracker: null, listedBy: inspector });
    const cityPolicy = { ...STANDARD_HAZARD_POLICY, listImmediatelyLevel: 'city' as const };
    expect(opened({ grade: 'major' }, cityPolicy).state.listing).toMatchObject({ level: 'city' });
  });

  it("lists on the ladder's rung at that rung's level, and an office then names the committee and the tracker", () => {
    const policy: HazardPolicy = {
      ...STANDARD_HAZARD_POLICY,
      escalation: STANDARD_HAZARD_POLICY.escalation.map((step) =>
        step.instrument === 'listed_supervision' ? { ...step, listingLevel: 'city' } : step,
      ),
    };
    const file = opened({}, policy);
    const late = file.and(decideDueTimers(file.state, at(38)));
    const listing = late.state.escalations.find((e) => e.instrument === 'listed_supervision');
    expect(listing).toBeDefined();
    expect(late.state.listing).toMatchObject({ level: 'city', regionId: null, tracker: null, listedBy: { role: 'system' } });
    late.when(list(cityOffice, 'city'), at(39)).then([{ type: 'listing_changed', data: { level: 'city', regionId: '411700', tracker } }]);
  });

  it('lists no further once an office has listed the hazard (the ladder rung is settled)', () => {
    const listed = opened().when(list(countyOffice, 'county'), at(1)).thenState({});
    const due = decideDueTimers(listed.state, at(46));
    expect(due.filter((e) => e.type === 'escalated').map((e) => (e.type === 'escalated' ? e.data.instrument : ''))).toEqual([
      'reminder',
      'notice',
      'summons',
    ]);
  });
});

describe('销号 of a listing', () => {
  it('closes the listing only after the sign-off (整改验收), once, by an office', () => {
    const listed = opened().when(list(cityOffice, 'city'), at(1)).thenState({});
    listed
      .when({ type: 'delist', actor: cityOffice, reason: '验收合格' }, at(2))
      .thenThrows({ kind: 'conflict', code: 'hazard.listing.not_signed_off' });
    const signedOff = signOff(listed, 2);
    expect(awaitsDelisting(signedOff.state)).toBe(true);
    signedOff.when({ type: 'delist', actor: inspector, reason: '验收合格' }, at(5)).thenThrows({ code: 'permission.role_not_allowed' });
    signedOff.when({ type: 'delist', actor: cityOffice, reason: '' }, at(5)).thenThrows({ field: 'reason' });
    const closed = signedOff
      .when({ type: 'delist', actor: cityOffice, reason: '市安委会同意销号' }, at(5))
      .then([{ type: 'delisted', actor: cityOffice, reason: '市安委会同意销号', data: { level: 'city', regionId: '411700' } }]);
    expect(closed.state.listing?.delisted).toEqual({ at: at(5).toISOString(), by: cityOffice, reason: '市安委会同意销号' });
    expect(awaitsDelisting(closed.state)).toBe(false);
    closed.when({ type: 'delist', actor: cityOffice, reason: '再次' }, at(6)).thenThrows({ code: 'hazard.listing.already_delisted' });
  });

  it('refuses to close a listing that never was', () => {
    signOff(opened(), 1)
      .when({ type: 'delist', actor: cityOffice, reason: '销号' }, at(5))
      .thenThrows({ kind: 'conflict', code: 'hazard.listing.not_listed' });
  });
});
