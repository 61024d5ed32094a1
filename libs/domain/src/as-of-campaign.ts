import { eventsAsOf, stateAsOf, type LoggedEvent } from './as-of';
import { campaignViewAt, unitViewAt, type CampaignReadView, type UnitReadView } from './as-of-views';
import { buildCampaignSchedule } from './campaign/build-campaign-schedule';
import { obligationTemplateFor } from './campaign/campaign-cascade';
import { campaignDecider } from './campaign/campaign-decider';
import type { CampaignState, NewCampaignEvent } from './campaign/campaign-state';
import type { UnitContext } from './campaign/decide-unit';
import { enrolledUnitState } from './campaign/evolve-unit';
import { unitDecider } from './campaign/unit-decider';
import type { NewUnitEvent } from './campaign/unit-obligations-events';
import type { UnitObligationsState } from './campaign/unit-obligations-state';
import type { HazardPolicy } from './hazard/hazard-policy';
import { calendarOrWeekdays } from './time/work-calendar';

export type LoggedCampaignEvent = NewCampaignEvent & LoggedEvent;
export type LoggedUnitEvent = NewUnitEvent & LoggedEvent;

/**
 * The campaign's state at launch, from any later state of it: the launch's own facts (name,
 * template, scope, start, who launched it, calendar) never change after launch, and everything
 * else is what launchedCampaignState starts from. The launch input itself is in no event (its
 * roster may hold thousands of units): the facts come from the ledger's snapshot.
 */
export function campaignOpeningOf(later: CampaignState): CampaignState {
  const { campaignId, name, template, scope, startsAt, launchedBy, calendar } = later;
  return {
    campaignId,
    name,
    template,
    scope,
    startsAt,
    launchedBy,
    status: 'running',
    phaseExtensions: {},
    ...(calendar ? { calendar } : {}),
    launchCursor: 0,
    addedUnits: [],
    removedUnitIds: [],
    lastSeq: 0,
  };
}

/** The campaign's state as of `asOf` (undefined before its launch was recorded); `later` is any later state (the ledger's snapshot). */
export function campaignStateAsOf(later: CampaignState, events: readonly LoggedCampaignEvent[], asOf: Date): CampaignState | undefined {
  return stateAsOf(campaignDecider, () => campaignOpeningOf(later), events, asOf);
}

/** The campaign's view as of `asOf`: its state then, and what followed from it then. */
export function campaignViewAsOf(later: CampaignState, events: readonly LoggedCampaignEvent[], asOf: Date): CampaignReadView | undefined {
  const state = campaignStateAsOf(later, events, asOf);
  return state && campaignViewAt(state, asOf);
}

/**
 * What a unit's rules read of its campaign at a moment (as the unit workflow builds it from the
 * campaign's plan): the unit's template and the schedule with the phase extensions made by then.
 * The hazard policy is not needed to read a view.
 */
export function unitContextOf(campaign: CampaignState, unit: UnitObligationsState['unit'], hazardPolicy: HazardPolicy): UnitContext {
  const calendar = calendarOrWeekdays(campaign.calendar);
  const template = obligationTemplateFor(campaign.template, unit);
  return {
    template,
    schedule: buildCampaignSchedule(template, new Date(campaign.startsAt), campaign.phaseExtensions, calendar),
    hazardPolicy,
    calendar,
  };
}

/**
 * A unit's state as of `asOf` (undefined before its enrolment was recorded). `pausedAtEnrolment`:
 * whether its campaign was paused when it enrolled (the unit then starts paused, and no event
 * says so).
 *
 * `settledUntil` is not in the events: the workflow moves it at every look at the clock, most of
 * which record nothing. As of a moment it is the last recorded event's time: the latest moment
 * the events prove was looked at.
 */
export function unitStateAsOf(
  campaignId: string,
  events: readonly LoggedUnitEvent[],
  asOf: Date,
  pausedAtEnrolment: (enrolledAt: Date) => boolean,
): UnitObligationsState | undefined {
  const happened = eventsAsOf(events, asOf);
  const state = stateAsOf(
    unitDecider,
    (first) => {
      if (first.type !== 'enrolled') throw new Error(`a unit's obligations open with its enrolment, not ${first.type}`);
      return enrolledUnitState(campaignId, first.data.unit, first.at, pausedAtEnrolment(new Date(first.at)));
    },
    happened,
    asOf,
  );
  // Events are applied in seq order, which is the order of their times: the last is the latest.
  return state && { ...state, settledUntil: happened.at(-1)!.at };
}

/**
 * A unit's view as of `asOf`: its state then, read against its campaign's schedule then (the
 * campaign's state as of the same moment). `campaign` is the campaign's state as of `asOf`.
 */
export function unitViewAsOf(
  campaign: { later: CampaignState; events: readonly LoggedCampaignEvent[]; hazardPolicy: HazardPolicy },
  unitEvents: readonly LoggedUnitEvent[],
  asOf: Date,
): UnitReadView | undefined {
  const paused = (at: Date) => campaignStateAsOf(campaign.later, campaign.events, at)?.status === 'paused';
  const state = unitStateAsOf(campaign.later.campaignId, unitEvents, asOf, paused);
  const then = campaignStateAsOf(campaign.later, campaign.events, asOf);
  if (!state || !then) return undefined;
  return unitViewAt(state, unitContextOf(then, state.unit, campaign.hazardPolicy), asOf);
}
