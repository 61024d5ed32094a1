import { SYSTEM_ACTOR } from '../actor';
import { ESCALATION_INSTRUMENT_LABELS } from '../hazard/escalation-instrument';
import { addSpan } from '../time/add-span';
import { describeSpan } from '../time/time-span';
import type { NewAccidentEvent } from './accident-events';
import type { InvestigationEscalationStep } from './accident-policy';
import type { AccidentState, InvestigationState } from './accident-state';

export interface ScheduledInvestigationEscalation {
  step: InvestigationEscalationStep;
  dueAt: Date;
}

/** The team still owes its report: the investigation is open and no report is in. */
function owesReport(i: InvestigationState | undefined): i is InvestigationState {
  return i !== undefined && i.status === 'investigating' && i.report === undefined;
}

function settled(i: InvestigationState, step: InvestigationEscalationStep): boolean {
  // Listing is a standing status, not a message: once listed, a later rung adds nothing.
  if (step.instrument === 'listed_supervision' && i.listing) return true;
  return i.escalations.some((taken) => taken.stepId === step.id && taken.due === i.reportDue);
}

/** The ladder rungs still ahead for the current report due date, earliest first. */
export function pendingInvestigationEscalations(state: AccidentState): ScheduledInvestigationEscalation[] {
  const i = state.investigation;
  if (!owesReport(i)) return [];
  const due = new Date(i.reportDue);
  return state.policy.escalation
    .filter((step) => !settled(i, step))
    .map((step) => ({ step, dueAt: addSpan(due, step.offset) }))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** When the workflow must next wake up on its own: the report falling due or the next rung. Undefined: nothing is timed. */
export function nextAccidentTimerAt(state: AccidentState): Date | undefined {
  const i = state.investigation;
  if (!owesReport(i)) return undefined;
  const candidates = [
    ...(i.overdue ? [] : [new Date(i.reportDue)]),
    ...pendingInvestigationEscalations(state)
      .slice(0, 1)
      .map((s) => s.dueAt),
  ];
  return candidates.length === 0 ? undefined : new Date(Math.min(...candidates.map((d) => d.getTime())));
}

/** The events policy requires at `now`: the report overdue, then every rung come due, as Duban acting on policy. */
export function decideAccidentTimers(state: AccidentState, now: Date): NewAccidentEvent[] {
  const i = state.investigation;
  if (!owesReport(i)) return [];
  const base = { at: now.toISOString(), actor: SYSTEM_ACTOR };
  const events: NewAccidentEvent[] = [];
  if (!i.overdue && now >= new Date(i.reportDue)) {
    events.push({
      ...base,
      type: 'report_overdue',
      data: { due: i.reportDue },
      reason: `investigation report due ${i.reportDue} not submitted (调查报告逾期)`,
    });
  }
  for (const { step, dueAt } of pendingInvestigationEscalations(state)) {
    if (dueAt > now) break;
    events.push({
      ...base,
      type: 'escalated',
      data: { stepId: step.id, instrument: step.instrument, due: i.reportDue },
      reason: `${ESCALATION_INSTRUMENT_LABELS[step.instrument]}: rung "${step.id}" of policy ${state.policy.id} is due ${describeSpan(step.offset)} from the report's due date ${i.reportDue}`,
    });
  }
  return events;
}
