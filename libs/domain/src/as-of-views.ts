import { addSpan } from './time/add-span';
import { phaseAt } from './campaign/build-campaign-schedule';
import { currentCampaignSchedule } from './campaign/decide-campaign';
import { SUBMISSION_WINDOW, type UnitContext } from './campaign/decide-unit';
import type { Obligation } from './campaign/obligation';
import type { CampaignSchedule, PhaseWindow } from './campaign/campaign-schedule';
import type { CampaignState } from './campaign/campaign-state';
import type { UnitObligationsState } from './campaign/unit-obligations-state';
import { unitObligationsBetween } from './campaign/unit-task-obligations';

/** What a campaign's read shows: its state and what follows from it at `now` (the workflow's query and the as-of read alike). */
export interface CampaignReadView {
  state: CampaignState;
  schedule: CampaignSchedule;
  currentPhase?: PhaseWindow;
  /** Units whose workflows have started (of state.scope.unitCount + added). */
  unitsLaunched: number;
}

/** What a unit's read shows: its state, its schedule, what it owes at `now`. */
export interface UnitReadView {
  state: UnitObligationsState;
  schedule: CampaignSchedule;
  /** Obligations due and not yet submitted (including missed ones still open for late submission). */
  open: Obligation[];
  nextDue?: Obligation;
}

/** The campaign's view at `now`, from its state alone. */
export function campaignViewAt(state: CampaignState, now: Date): CampaignReadView {
  const schedule = currentCampaignSchedule(state);
  return { state, schedule, currentPhase: phaseAt(schedule, now), unitsLaunched: state.launchCursor + state.addedUnits.length };
}

/** Obligations due in (from, to] that the unit has not reported. */
export function unreportedBetween(state: UnitObligationsState, ctx: UnitContext, from: Date, to: Date): Obligation[] {
  return unitObligationsBetween(ctx, state.tasks, from, to).filter((o) => !state.submissions[o.id]);
}

/** What may be filed at `now` ahead of its cut-off (the submission window). */
export function upcomingObligations(state: UnitObligationsState, ctx: UnitContext, now: Date): Obligation[] {
  return unreportedBetween(state, ctx, now, addSpan(now, SUBMISSION_WINDOW));
}

/** The unit's view at `now`, from its state and its campaign's schedule. */
export function unitViewAt(state: UnitObligationsState, ctx: UnitContext, now: Date): UnitReadView {
  const next = upcomingObligations(state, ctx, now);
  return { state, schedule: ctx.schedule, open: [...unreportedBetween(state, ctx, new Date(state.enrolledAt), now), ...next], nextDue: next[0] };
}
