import type { Actor } from '../actor';
import { conflict, invalid } from '../rejection';
import { requiredText, TEXT_LIMITS } from '../text-input';
import { gradeAccident, gradeRank } from './accident-grade';
import type { AccidentCommand } from './accident-commands';
import type { NewAccidentEvent } from './accident-events';
import { authorizeAccidentAction } from './accident-permissions';
import type { AccidentPolicy } from './accident-policy';
import { casualtyChanges, parseDateTime, validateAccidentReport, validateCasualties, type AccidentReport } from './accident-report';
import type { AccidentState } from './accident-state';
import { isWithinCasualtyChangeWindow } from './casualty-change-window';
import { reportingObligations } from './reporting-chain';
import { assessVerifiedTipOff, validateTipOff, validateTipOffVerification, type TipOff, type TipOffVerification } from './tip-off';

type Cmd<T extends AccidentCommand['type']> = Extract<AccidentCommand, { type: T }>;

/** Checks that `recorder` may report this accident and that the report is complete; throws a rejection naming the field. */
export function admitAccidentReport(report: AccidentReport, recorder: Actor, now: Date): void {
  authorizeAccidentAction('report', recorder, report.unitId);
  validateAccidentReport(report, recorder, now);
}

/** The events that open an accident's record from the unit's (or the receiving office's) 事故快报. Does not validate: admit first. */
export function openAccidentFile(accidentId: string, report: AccidentReport, recorder: Actor, policy: AccidentPolicy, now: Date): NewAccidentEvent[] {
  const { grade, reachedBy } = gradeAccident(report.casualties, policy.grading);
  return [
    {
      type: 'reported',
      data: { accidentId, report, policy, grade, reachedBy, openedFrom: 'unit_report' },
      at: now.toISOString(),
      actor: recorder,
      reason: `事故快报 by ${report.reporter} at ${report.reportedAt}: ${report.account}`,
    },
  ];
}

/**
 * The events that open the record of an accident first heard of through a verified tip or the
 * media: the office's report built from what was verified, the tip, and 瞒报 against the unit
 * (it had not reported). Validates the report, the tip and its verification.
 */
export function openAccidentFromTipOff(
  accidentId: string,
  report: AccidentReport,
  tip: TipOff,
  verification: TipOffVerification,
  recorder: Actor,
  policy: AccidentPolicy,
  now: Date,
): NewAccidentEvent[] {
  authorizeAccidentAction('record_tip_off', recorder, report.unitId);
  validateTipOff(tip, now);
  validateTipOffVerification(verification, now);
  if (!verification.verified) throw invalid('accident.tip_off.not_verified', 'verification.verified', 'only a verified tip opens an accident record');
  validateAccidentReport(report, recorder, now);
  const { grade, reachedBy } = gradeAccident(report.casualties, policy.grading);
  const at = now.toISOString();
  const base = { at, actor: recorder };
  const flags = assessVerifiedTipOff(tip, verification, report.unitId, undefined);
  return [
    {
      ...base,
      type: 'reported',
      data: { accidentId, report, policy, grade, reachedBy, openedFrom: 'tip_off' },
      reason: `recorded from verified tip ${tip.tipOffId} (${tip.channel}): ${verification.findings}`,
    },
    { ...base, type: 'tip_off_recorded', data: { tip, verification }, reason: verification.findings },
    ...flags.map((flag): NewAccidentEvent => ({ ...base, type: 'concealment_flagged', data: { flag }, reason: flag.reason })),
  ];
}

function followUp(state: AccidentState, command: Cmd<'report_follow_up'>, now: Date): NewAccidentEvent[] {
  validateCasualties(command.casualties);
  const livesEndangered = command.livesEndangered ?? state.livesEndangered;
  if (!Number.isInteger(livesEndangered) || livesEndangered < 0)
    throw invalid('input.out_of_range', 'livesEndangered', 'livesEndangered must be a whole number ≥ 0');
  const account = requiredText(command.account, 'account');
  const reporter = requiredText(command.reporter, 'reporter', TEXT_LIMITS.shortText);
  const reportedAt = parseDateTime(command.reportedAt, 'reportedAt');
  const occurredAt = new Date(state.report.occurredAt);
  // Reports are kept in the order they were made: the reporting chain reads them so.
  const previous = new Date(state.history[state.history.length - 1].at);
  if (reportedAt < previous || reportedAt > now)
    throw invalid('accident.report.time_order', 'reportedAt', `reportedAt must be between the previous report (${previous.toISOString()}) and now`);
  const { kind } = state.report;
  const changes = casualtyChanges(state.casualties, command.casualties).map((change) => ({
    ...change,
    withinWindow: isWithinCasualtyChangeWindow(occurredAt, kind, reportedAt, state.policy.casualtyChangeWindow),
  }));
  const base = { at: now.toISOString(), actor: command.actor };
  const events: NewAccidentEvent[] = [
    {
      ...base,
      type: 'follow_up_reported',
      data: { casualties: command.casualties, livesEndangered, account, reporter, reportedAt: reportedAt.toISOString(), changes },
      reason: `续报 by ${reporter}: ${account}`,
    },
  ];
  const { grade, reachedBy } = gradeAccident(command.casualties, state.policy.grading);
  if (grade !== state.grade) {
    const rise = gradeRank(grade) > gradeRank(state.grade);
    events.push({
      ...base,
      type: 'grade_changed',
      data: { from: state.grade, to: grade, reachedBy, rise },
      reason: `${rise ? 'grade rose' : 'grade fell'} ${state.grade} → ${grade} on the 续报 (reached by ${reachedBy.join(', ') || 'none'})`,
    });
  }
  return events;
}

/** For the record: how late a report came (迟报), in whole minutes past its deadline. */
function lateness(receivedAt: Date, deadline: string): string {
  const minutes = Math.ceil((receivedAt.getTime() - Date.parse(deadline)) / 60_000);
  return minutes > 0 ? `; 迟报 by ${minutes} min` : '';
}

function chainReport(state: AccidentState, command: Cmd<'record_chain_report'>, now: Date): NewAccidentEvent[] {
  const obligation = reportingObligations(state.report.occurredAt, state.history, state.chainReceipts, state.policy.reportingChain).find(
    (o) => o.stepId === command.stepId,
  );
  if (!obligation)
    throw invalid('accident.chain.obligation_unknown', 'stepId', `this accident owes no report ${JSON.stringify(command.stepId)} at its grade`);
  if (command.channel !== 'phone' && command.channel !== 'written') throw invalid('input.not_one_of', 'channel', 'channel must be phone or written');
  if (command.channel === 'phone' && obligation.channel === 'written')
    throw invalid('input.not_one_of', 'channel', `${command.stepId} is owed in writing`);
  if (state.chainReceipts.some((r) => r.stepId === command.stepId && r.channel === command.channel))
    throw conflict('accident.chain.already_received', `${command.stepId} already received its ${command.channel} report`);
  const receivedAt = parseDateTime(command.receivedAt, 'receivedAt');
  if (receivedAt < new Date(state.report.occurredAt) || receivedAt > now)
    throw invalid('accident.report.time_order', 'receivedAt', 'receivedAt must be between the accident and now');
  return [
    {
      type: 'chain_report_received',
      data: { stepId: obligation.stepId, level: obligation.level, receivedAt: receivedAt.toISOString(), channel: command.channel },
      at: now.toISOString(),
      actor: command.actor,
      reason: `${obligation.recipient} received the ${command.channel} report (due ${obligation.deadline}${lateness(receivedAt, obligation.deadline)})`,
    },
  ];
}

function tipOff(state: AccidentState, command: Cmd<'record_tip_off'>, now: Date): NewAccidentEvent[] {
  validateTipOff(command.tip, now);
  validateTipOffVerification(command.verification, now);
  if (state.tipOffs.some((known) => known.tipOffId === command.tip.tipOffId))
    throw invalid('input.duplicate_id', 'tip.tipOffId', `tip ${command.tip.tipOffId} is already on this accident's record`);
  const tipAt = Date.parse(command.tip.receivedAt);
  const before = state.unitReports.filter((r) => Date.parse(r.reportedAt) <= tipAt).at(-1);
  const flags = assessVerifiedTipOff(command.tip, command.verification, state.report.unitId, before).filter(
    (flag) => !state.concealment.some((known) => known.kind === 'concealment' && flag.kind === 'concealment'),
  );
  const base = { at: now.toISOString(), actor: command.actor };
  return [
    { ...base, type: 'tip_off_recorded', data: { tip: command.tip, verification: command.verification }, reason: command.verification.findings },
    ...flags.map((flag): NewAccidentEvent => ({ ...base, type: 'concealment_flagged', data: { flag }, reason: flag.reason })),
  ];
}

/** The events a report-side command (续报, a level's receipt, a verified tip) causes. */
export function decideAccidentReport(
  state: AccidentState,
  command: Cmd<'report_follow_up' | 'record_chain_report' | 'record_tip_off'>,
  now: Date,
): NewAccidentEvent[] {
  switch (command.type) {
    case 'report_follow_up':
      return followUp(state, command, now);
    case 'record_chain_report':
      return chainReport(state, command, now);
    case 'record_tip_off':
      return tipOff(state, command, now);
  }
}
