import { SYSTEM_ACTOR } from '../actor';
import { addSpan } from '../time/add-span';
import { describeSpan } from '../time/time-span';
import { calendarStamp, WEEKDAY_CALENDAR, type WorkCalendar } from '../time/work-calendar';
import { ESCALATION_INSTRUMENT_LABELS } from './escalation-instrument';
import type { NewHazardEvent } from './hazard-events';
import type { EscalationStep } from './hazard-policy';
import type { HazardState } from './hazard-state';
import { UNIT_OWES_WORK } from './hazard-status';
import { DEFAULT_LISTING_LEVEL, type ListingLevel } from './listing-level';

export interface ScheduledEscalation {
  step: EscalationStep;
  dueAt: Date;
}

function settled(state: HazardState, step: EscalationStep): boolean {
  if (step.grades && !step.grades.includes(state.report.grade)) return true;
  // Listing is a standing status, not a message: once listed, a later rung adds nothing.
  if (step.instrument === 'listed_supervision' && state.listedForSupervision) return true;
  return state.escalations.some((taken) => taken.stepId === step.id && taken.deadline === state.deadline);
}

/** The ladder rungs still ahead for the current deadline, earliest first. */
export function pendingEscalations(state: HazardState, calendar: WorkCalendar = WEEKDAY_CALENDAR): ScheduledEscalation[] {
  if (!UNIT_OWES_WORK.has(state.status)) return [];
  const deadline = new Date(state.deadline);
  return state.policy.escalation
    .filter((step) => !settled(state, step))
    .map((step) => ({ step, dueAt: addSpan(deadline, step.offset, calendar) }))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/**
 * When the workflow must next wake up on its own: the earliest of the deadline passing,
 * the next ladder rung, or a monitoring report falling due. Undefined: nothing is timed.
 */
export function nextTimerAt(state: HazardState, calendar: WorkCalendar = WEEKDAY_CALENDAR): Date | undefined {
  const candidates: Date[] = [];
  if (UNIT_OWES_WORK.has(state.status) && !state.overdue) candidates.push(new Date(state.deadline));
  const next = pendingEscalations(state, calendar)[0];
  if (next) candidates.push(next.dueAt);
  if (state.monitoring && state.status !== 'signed_off') candidates.push(new Date(state.monitoring.nextReportDue));
  if (candidates.length === 0) return undefined;
  return new Date(Math.min(...candidates.map((d) => d.getTime())));
}

/** A listing rung records the level it lists at (挂牌督办 by a county, city or province committee). */
function listingLevelOf(step: EscalationStep): { listingLevel?: ListingLevel } {
  return step.instrument === 'listed_supervision' ? { listingLevel: step.listingLevel ?? DEFAULT_LISTING_LEVEL } : {};
}

function hoursLate(deadline: Date, now: Date): string {
  const hours = Math.floor((now.getTime() - deadline.getTime()) / 3600_000);
  return hours < 0 ? `${-hours} h before the deadline` : `${hours} h after the deadline`;
}

/**
 * The events policy requires at `now`: overdue, every ladder rung that has come due (in
 * ladder order), and missed monitoring reports. Recorded as the system acting on policy,
 * with the rule in the reason.
 */
export function decideDueTimers(state: HazardState, now: Date, calendar: WorkCalendar = WEEKDAY_CALENDAR): NewHazardEvent[] {
  const at = now.toISOString();
  const base = { at, actor: SYSTEM_ACTOR };
  const events: NewHazardEvent[] = [];
  const deadline = new Date(state.deadline);
  const owes = UNIT_OWES_WORK.has(state.status);
  if (owes && !state.overdue && now >= deadline) {
    events.push({
      ...base,
      type: 'overdue',
      data: { deadline: state.deadline },
      reason: `rectification deadline ${state.deadline} passed without completion (逾期未整改)`,
    });
  }
  for (const { step, dueAt } of pendingEscalations(state, calendar)) {
    if (dueAt > now) break;
    events.push({
      ...base,
      type: 'escalated',
      data: { stepId: step.id, instrument: step.instrument, deadline: state.deadline, ...calendarStamp(calendar), ...listingLevelOf(step) },
      reason: `${ESCALATION_INSTRUMENT_LABELS[step.instrument]}: rung "${step.id}" of policy ${state.policy.id} is due ${describeSpan(step.offset)} from the deadline; now ${hoursLate(deadline, now)}`,
    });
  }
  const monitoring = state.monitoring;
  if (monitoring && state.status !== 'signed_off' && now >= new Date(monitoring.nextReportDue)) {
    // Next due counts from now, so a long silence is recorded once, not once per missed period.
    const nextReportDue = addSpan(now, state.policy.monitoringReportEvery, calendar).toISOString();
    events.push({
      ...base,
      type: 'monitoring_report_missed',
      data: { dueAt: monitoring.nextReportDue, nextReportDue, ...calendarStamp(calendar) },
      reason: `monitoring report due ${monitoring.nextReportDue} not received (监控报告缺报)`,
    });
  }
  return events;
}
