import { SYSTEM_ACTOR, type Actor } from '../actor';
import { conflict, invalid } from '../rejection';
import { isValidId } from '../hazard/hazard-report';
import { validateAccidentReport, type AccidentReport } from '../accident/accident-report';
import {
  STANDARD_TIP_OFF_POLICY,
  validateTipOff,
  validateTipOffVerification,
  verificationDeadline,
  type TipOff,
  type TipOffPolicy,
  type TipOffVerification,
} from '../accident/tip-off';
import type { TipOffAccidentTarget, TipOffCommand } from './tip-off-commands';
import type { NewTipOffEvent } from './tip-off-events';
import { authorizeTipOffAction } from './tip-off-permissions';
import type { TipOffState } from './tip-off-state';

type Cmd<T extends TipOffCommand['type']> = Extract<TipOffCommand, { type: T }>;

/** 举报受理: the office may take it in and the tip is complete; throws a rejection naming the field. */
export function admitTipOff(tip: TipOff, receiver: Actor, now: Date): void {
  authorizeTipOffAction('intake', receiver);
  validateTipOff(tip, now);
}

/** The event that opens a tip's file, with its verification deadline. Does not validate: admit first. */
export function openTipOffFile(tip: TipOff, receiver: Actor, policy: TipOffPolicy = STANDARD_TIP_OFF_POLICY, now: Date): NewTipOffEvent[] {
  const deadline = verificationDeadline(tip, policy).toISOString();
  return [
    {
      type: 'received',
      data: { tipOffId: tip.tipOffId, tip, policy, deadline },
      at: now.toISOString(),
      actor: receiver,
      reason: `举报受理 (${tip.channel}) from ${tip.informant}: ${tip.account}; 核查 due ${deadline}`,
    },
  ];
}

/** The 事故快报 the office records from what it verified: the facts it found, the casualties it verified. */
export function accidentReportFromVerification(facts: Omit<AccidentReport, 'casualties'>, verification: TipOffVerification): AccidentReport {
  if (!verification.casualties) throw invalid('input.required', 'verification.casualties', 'a verified tip states the casualties found');
  return { ...facts, casualties: verification.casualties };
}

/** Checks the accident a verified tip names; answers the new record's report, if it opens one. */
function checkTarget(target: TipOffAccidentTarget, verification: TipOffVerification, actor: Actor, now: Date): AccidentReport | undefined {
  if (!isValidId(target.accidentId)) throw invalid('input.malformed_id', 'accident.accidentId', 'accidentId must be 1–100 letters, digits, _ . : -');
  if (target.kind === 'existing') return undefined;
  const report = accidentReportFromVerification(target.facts, verification);
  validateAccidentReport(report, actor, now);
  return report;
}

function verify(state: TipOffState, command: Cmd<'verify'>, now: Date): NewTipOffEvent[] {
  authorizeTipOffAction('verify', command.actor);
  if (state.status !== 'awaiting_verification')
    throw conflict(
      'tip_off.already_verified',
      `tip-off ${state.tipOffId} is already ${state.status === 'verified' ? 'verified' : 'found not verified'}`,
    );
  const { verification, accident } = command;
  validateTipOffVerification(verification, now);
  const onTime = Date.parse(verification.verifiedAt) <= Date.parse(state.deadline);
  const base = { at: now.toISOString(), actor: command.actor, reason: verification.findings };
  if (!verification.verified) {
    if (accident) throw invalid('tip_off.accident_not_allowed', 'accident', 'a tip found not verified names no accident');
    return [{ ...base, type: 'not_verified', data: { verification, onTime } }];
  }
  if (!accident)
    throw invalid('tip_off.accident_required', 'accident', 'a verified tip names the accident: one on record, or the facts of a new one');
  const report = checkTarget(accident, verification, command.actor, now);
  const data = { verification, onTime, accidentId: accident.accidentId, link: accident.kind === 'new' ? ('opened' as const) : ('updated' as const) };
  return [{ ...base, type: 'verified', data: report ? { ...data, report } : data }];
}

function recordLink(state: TipOffState, command: Cmd<'record_accident_link'>, now: Date): NewTipOffEvent[] {
  authorizeTipOffAction('record_accident_link', command.actor);
  const expected = state.accident;
  if (!expected || expected.linkedAt !== undefined || expected.accidentId !== command.accidentId || expected.kind !== command.link)
    throw conflict('tip_off.link_unexpected', `tip-off ${state.tipOffId} awaits no ${command.link} record of accident ${command.accidentId}`);
  const flags = command.concealment.length > 0 ? command.concealment.join(', ') : 'no concealment flag';
  return [
    {
      type: 'accident_linked',
      data: { accidentId: command.accidentId, link: command.link, concealment: command.concealment },
      at: now.toISOString(),
      actor: command.actor,
      reason: `accident ${command.accidentId} ${command.link === 'opened' ? 'opened from' : 'updated with'} tip-off ${state.tipOffId}: ${flags}`,
    },
  ];
}

/** The events a command on a tip causes at `now`, or a rejection saying why not. */
export function decideTipOff(state: TipOffState, command: TipOffCommand, now: Date): NewTipOffEvent[] {
  switch (command.type) {
    case 'verify':
      return verify(state, command, now);
    case 'record_accident_link':
      return recordLink(state, command, now);
  }
}

/** When Duban must look at the tip next: its verification deadline, while it waits and is not yet overdue. */
export function nextTipOffTimerAt(state: TipOffState): Date | undefined {
  return state.status === 'awaiting_verification' && !state.overdue ? new Date(state.deadline) : undefined;
}

/** What falls due at `now`: the verification obligation turns overdue (核查逾期) once its deadline has passed. */
export function decideTipOffTimers(state: TipOffState, now: Date): NewTipOffEvent[] {
  const due = nextTipOffTimerAt(state);
  if (!due || now < due) return [];
  return [
    {
      type: 'verification_overdue',
      data: { deadline: state.deadline },
      at: now.toISOString(),
      actor: SYSTEM_ACTOR,
      reason: `核查逾期: tip-off ${state.tipOffId} was due to be verified by ${state.deadline}`,
    },
  ];
}
