import { SYSTEM_ACTOR } from '../actor';
import type { NewAccidentEvent } from './accident-events';
import type { AccidentState } from './accident-state';
import { firstReceipt, reportingObligations, type ReportingObligation } from './reporting-chain';

/** The reports the accident owes now, as its policy's chain says at its current numbers. */
export function owedReports(state: AccidentState): ReportingObligation[] {
  return reportingObligations(state.report.occurredAt, state.history, state.chainReceipts, state.policy.reportingChain);
}

/** Owed, nothing received, and not yet recorded as missing: the deadlines the workflow waits for. */
function unansweredReports(state: AccidentState): ReportingObligation[] {
  const missed = new Set((state.chainMissed ?? []).map((m) => m.stepId));
  return owedReports(state).filter((o) => !missed.has(o.stepId) && !firstReceipt(state.chainReceipts, o.stepId));
}

/** The earliest deadline of a report still unanswered; undefined when every owed report is in or recorded missing. */
export function nextChainDeadlineAt(state: AccidentState): Date | undefined {
  const deadlines = unansweredReports(state).map((o) => Date.parse(o.deadline));
  return deadlines.length === 0 ? undefined : new Date(Math.min(...deadlines));
}

/**
 * 漏报, recorded when it happens: each owed report whose deadline has passed with nothing
 * received, as Duban acting on the chain policy. A report that comes after is still recorded, and
 * its receipt then reads late (迟报) by the minutes it missed the deadline.
 */
export function decideChainDeadlines(state: AccidentState, now: Date): NewAccidentEvent[] {
  return unansweredReports(state)
    .filter((o) => Date.parse(o.deadline) <= now.getTime())
    .map((o) => ({
      type: 'chain_report_missed',
      data: { stepId: o.stepId, level: o.level, deadline: o.deadline },
      at: now.toISOString(),
      actor: SYSTEM_ACTOR,
      reason: `漏报: ${o.recipient} received no report by ${o.deadline} (${o.source})`,
    }));
}
