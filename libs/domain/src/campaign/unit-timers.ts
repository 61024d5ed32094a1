import { SYSTEM_ACTOR } from '../actor';
import { applyEvents } from '../decider';
import { ESCALATION_INSTRUMENT_LABELS } from '../hazard/escalation-instrument';
import type { UnitContext } from './decide-unit';
import { calendarStamp } from '../time/work-calendar';
import type { NewUnitEvent, UnitEvent } from './unit-obligations-events';
import type { UnitObligationsState } from './unit-obligations-state';
import { unitDecider } from './unit-decider';
import { unitEscalationsDue } from './unit-escalation';
import { nextUnitObligationAfter, unitObligationsBetween } from './unit-task-obligations';

/** When the unit's workflow must next look at the clock: the next obligation's cut-off while active. */
export function nextUnitTimerAt(state: UnitObligationsState, ctx: UnitContext): Date | undefined {
  if (state.status !== 'active') return undefined;
  const next = nextUnitObligationAfter(ctx, state.tasks, new Date(state.settledUntil));
  return next ? new Date(next.dueAt) : undefined;
}

/**
 * Settles every obligation that has come due up to `now`: the unreported ones are recorded as
 * missed, and each ladder rung the missed count has reached is applied (提醒 → 通报 → 约谈).
 * Returns the new state (its `settledUntil` moved to `now`) and the events recorded.
 */
export function settleUnitObligations(
  state: UnitObligationsState,
  ctx: UnitContext,
  now: Date,
): { state: UnitObligationsState; events: UnitEvent[] } {
  if (state.status !== 'active' || now.toISOString() <= state.settledUntil) return { state, events: [] };
  const at = now.toISOString();
  const base = { at, actor: SYSTEM_ACTOR };
  const missed: NewUnitEvent[] = unitObligationsBetween(ctx, state.tasks, new Date(state.settledUntil), now)
    .filter((o) => !state.submissions[o.id])
    .map((o) => ({
      ...base,
      type: 'obligation_missed',
      data: { obligationId: o.id, dueAt: o.dueAt, ...(ctx.calendar ? calendarStamp(ctx.calendar) : {}) },
      reason: `${o.name} not received by its cut-off ${o.dueAt} (逾期未报)`,
    }));
  const afterMisses = applyEvents(unitDecider, state, missed);
  const missedCount = afterMisses.state.counters.missed;
  const rungs: NewUnitEvent[] = unitEscalationsDue(
    ctx.template.escalation,
    missedCount,
    afterMisses.state.escalations.map((e) => e.stepId),
  ).map((step) => ({
    ...base,
    type: 'escalated',
    data: { stepId: step.id, instrument: step.instrument, missedCount },
    reason: `${ESCALATION_INSTRUMENT_LABELS[step.instrument]}: ${missedCount} obligation(s) missed, rung "${step.id}" applies from ${step.afterMissed} (template ${ctx.template.id})`,
  }));
  const afterRungs = applyEvents(unitDecider, afterMisses.state, rungs);
  return { state: { ...afterRungs.state, settledUntil: at }, events: [...afterMisses.events, ...afterRungs.events] };
}
