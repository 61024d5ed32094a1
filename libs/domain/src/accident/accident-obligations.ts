import type { AccidentState } from './accident-state';
import { INVESTIGATING_LEVEL_BY_GRADE, levelRank } from './authority-level';
import { classifyReports, type ClassifiedReport } from './report-timeliness';
import { reportingObligations, type ReportingObligation } from './reporting-chain';

/** The reports the accident owes at its grade now, each with its deadline. */
export function accidentReportingObligations(state: AccidentState): ReportingObligation[] {
  return reportingObligations(state.report.occurredAt, state.history, state.chainReceipts, state.policy.reportingChain);
}

/** Each level's report at `now`: on time, 迟报 (by how much), 漏报 or not yet due. */
export function accidentReportingStatus(state: AccidentState, now: Date): ClassifiedReport[] {
  return classifyReports(accidentReportingObligations(state), state.chainReceipts, now);
}

/** The next deadline still ahead with nothing received: when a workflow wakes to record a 漏报. */
export function nextReportingDeadline(state: AccidentState, now: Date): Date | undefined {
  const ahead = accidentReportingStatus(state, now)
    .filter((c) => c.timeliness === 'pending')
    .map((c) => Date.parse(c.obligation.deadline));
  return ahead.length === 0 ? undefined : new Date(Math.min(...ahead));
}

/**
 * Whether the investigation sits below the level the grade now names: a 续报 raised the grade
 * after it opened, and the higher level may take it over (条例 第二十条).
 */
export function investigationBelowGrade(state: AccidentState): boolean {
  const i = state.investigation;
  return i !== undefined && levelRank(i.level) < levelRank(INVESTIGATING_LEVEL_BY_GRADE[state.grade]);
}
