import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { eventsAsOf, parseAsOf, stateAsOf } from './as-of';
import { campaignOpeningOf, campaignStateAsOf, campaignViewAsOf, unitViewAsOf } from './as-of-campaign';
import { hazardStateAsOf } from './as-of-hazard';
import { campaignViewAt, unitViewAt } from './as-of-views';
import { applyEvents } from './decider';
import { DomainRejection } from './rejection';
import { campaignDecider } from './campaign/campaign-decider';
import { enrolUnitEvents } from './campaign/decide-unit';
import { launchedCampaignState } from './campaign/evolve-campaign';
import { unitContextOf } from './as-of-campaign';
import { unitDecider } from './campaign/unit-decider';
import { openHazardFile } from './hazard/decide-hazard';
import { foldOpeningEvents, hazardDecider } from './hazard/hazard-decider';
import { STANDARD_HAZARD_POLICY } from './hazard/hazard-policy';
import type { HazardState } from './hazard/hazard-state';
import { afterStart, eastWorks, officeLi, TWO_COUNTY_LAUNCH } from './testing/campaign-fixtures';

// The state as of a moment (某一时刻的状态) is the opening state with every event at or before it
// applied by the aggregate's own evolve: what the workflow held then.

const unitA: Actor = { id: 'a1', name: 'A公司 王经理', role: 'unit', unitId: 'unit-a' };
const t0 = new Date('2026-11-02T02:00:00Z');
const at = (hours: number) => new Date(t0.getTime() + hours * 3600_000);
const plan = {
  responsiblePerson: '王经理',
  measures: '补设连墙件',
  funds: { amountYuan: 5000, source: '安全生产费用' },
  deadline: at(480).toISOString(),
  contingencyPlan: '停止该区域作业',
};

/** A hazard run as its workflow runs it, with the state after each step. */
function hazardRun() {
  const report = {
    title: '脚手架连墙件缺失',
    description: '连墙件缺失6处',
    location: '3号楼',
    industry: '建筑施工',
    unitId: 'unit-a',
    grade: 'general' as const,
    source: 'inspection' as const,
    finder: '张工',
    deadline: at(720).toISOString(),
  };
  const opened = foldOpeningEvents(openHazardFile('H-1', report, unitA, STANDARD_HAZARD_POLICY, t0));
  const states: HazardState[] = [opened.state];
  let state = opened.state;
  const events = [...opened.events];
  const steps = [
    { type: 'submit_plan' as const, actor: unitA, plan, now: at(1) },
    { type: 'report_progress' as const, actor: unitA, text: '已补设3处', attachments: [], now: at(2) },
  ];
  for (const { now, ...command } of steps) {
    const applied = applyEvents(hazardDecider, state, hazardDecider.decide(state, command, now, undefined as never));
    state = applied.state;
    states.push(state);
    events.push(...applied.events);
  }
  return { events, states };
}

describe('state as of a moment', () => {
  it('includes the event at exactly asOf and excludes one a millisecond later', () => {
    const { events, states } = hazardRun();
    expect(hazardStateAsOf(events, at(1))).toEqual(states[1]);
    expect(hazardStateAsOf(events, new Date(at(1).getTime() - 1))).toEqual(states[0]);
    expect(hazardStateAsOf(events, at(1.5))).toEqual(states[1]);
    expect(hazardStateAsOf(events, at(1.5))!.status).toBe('rectifying');
    expect(hazardStateAsOf(events, at(100))).toEqual(states[2]);
  });

  it('is undefined before the first event (the aggregate did not exist yet)', () => {
    const { events } = hazardRun();
    expect(hazardStateAsOf(events, new Date(t0.getTime() - 1))).toBeUndefined();
    expect(stateAsOf(hazardDecider, () => hazardRun().states[0]!, [], at(5))).toBeUndefined();
  });

  it('applies events in seq order whatever order they come in', () => {
    const { events, states } = hazardRun();
    expect(hazardStateAsOf([...events].reverse(), at(3))).toEqual(states[2]);
    expect(eventsAsOf([...events].reverse(), at(1)).map((e) => e.seq)).toEqual([1, 2]);
  });

  it('reads asOf as an ISO date-time not in the future, naming the field otherwise', () => {
    expect(parseAsOf('2026-11-02T10:00:00+08:00', at(1))).toEqual(t0);
    for (const text of ['yesterday', '2026-11-02', 17, undefined, at(2).toISOString()]) {
      const error = (() => {
        try {
          parseAsOf(text, at(1));
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(DomainRejection);
      expect(error).toMatchObject({ kind: 'invalid', field: 'asOf' });
    }
    // The future is a clock rule no schema states (schemathesis draws such instants as valid).
    expect(() => parseAsOf(at(2).toISOString(), at(1))).toThrow(expect.objectContaining({ code: 'time.in_future' }));
  });
});

describe('a campaign and its unit as of a moment', () => {
  function campaignRun() {
    let state = launchedCampaignState(TWO_COUNTY_LAUNCH, officeLi);
    const events = [];
    const states = [];
    const steps: Array<[Date, Parameters<typeof campaignDecider.decide>[1] | 'launched']> = [
      [afterStart(0), 'launched'],
      [afterStart(5), { type: 'pause', actor: officeLi, reason: '汛期暂停' }],
      [afterStart(30), { type: 'resume', actor: officeLi, reason: '汛期结束' }],
    ];
    for (const [now, command] of steps) {
      const next =
        command === 'launched'
          ? [
              {
                type: 'launched' as const,
                data: { templateId: 't', unitCount: 2, startsAt: now.toISOString() },
                at: now.toISOString(),
                actor: officeLi,
                reason: 'launch',
              },
            ]
          : campaignDecider.decide(state, command, now);
      const applied = applyEvents(campaignDecider, state, next);
      state = applied.state;
      states.push(state);
      events.push(...applied.events);
    }
    return { events, states, last: state };
  }

  it('opens from the launch facts of any later state, as launchedCampaignState does', () => {
    const { last } = campaignRun();
    expect(campaignOpeningOf(last)).toEqual(launchedCampaignState(TWO_COUNTY_LAUNCH, officeLi));
  });

  it('gives the campaign’s state and view at each moment, the boundary included', () => {
    const { events, states, last } = campaignRun();
    expect(campaignStateAsOf(last, events, afterStart(5))).toEqual(states[1]);
    expect(campaignStateAsOf(last, events, afterStart(4.9))).toEqual(states[0]);
    expect(campaignViewAsOf(last, events, afterStart(10))).toEqual(campaignViewAt(states[1]!, afterStart(10)));
    expect(campaignViewAsOf(last, events, new Date(afterStart(0).getTime() - 1))).toBeUndefined();
  });

  it('gives a unit’s view against its campaign’s schedule then; a unit enrolled while paused starts paused', () => {
    const campaign = campaignRun();
    const enrolled = applyEvents(
      unitDecider,
      unitDecider.initialState(TWO_COUNTY_LAUNCH.campaignId, eastWorks, afterStart(6).toISOString(), true),
      enrolUnitEvents(eastWorks, officeLi, afterStart(6), 'added'),
    );
    const context = { later: campaign.last, events: campaign.events, hazardPolicy: STANDARD_HAZARD_POLICY };
    const ctx = unitContextOf(campaign.states[1]!, eastWorks, STANDARD_HAZARD_POLICY);
    expect(unitViewAsOf(context, enrolled.events, afterStart(7))).toEqual(
      unitViewAt({ ...enrolled.state, settledUntil: afterStart(6).toISOString() }, ctx, afterStart(7)),
    );
    expect(unitViewAsOf(context, enrolled.events, afterStart(7))!.state.status).toBe('paused');
    expect(unitViewAsOf(context, enrolled.events, afterStart(5.5))).toBeUndefined();
  });
});
