import type { Actor } from '../actor';
import type { EscalationInstrument } from '../hazard/escalation-instrument';
import { conflict, invalid } from '../rejection';
import { authorizeAccidentRecordAction } from './accident-record-permissions';
import type { AccidentKind } from './accident-kind';
import type { AccountabilityFiring } from './accountability-rules';

/** How long an office has to act on a firing (hold the 约谈, record its minutes): editable policy data. */
export interface AccountabilityActionPolicy {
  dueWithinDays: number;
  source: string;
}

export const STANDARD_ACCOUNTABILITY_ACTION_POLICY: AccountabilityActionPolicy = {
  dueWithinDays: 30,
  source: 'Editable default: the seeds (002 篇一) name the summons (约谈) but no deadline; 30 days from the firing being found.',
};

export const ACTION_MINUTES_MAX = 4000;
const DAY_MS = 24 * 3600_000;

export type AccountabilityActionStatus = 'open' | 'done' | 'overdue';

export const ACCOUNTABILITY_ACTION_STATUS_LABELS: Record<AccountabilityActionStatus, string> = {
  open: '待办 (open)',
  done: '已办结 (done: held, minutes recorded)',
  overdue: '逾期未办 (overdue)',
};

/** The office's obligation from one firing: the summons held (约谈) and its minutes, by the due date. */
export interface AccountabilityActionState {
  firingKey: string;
  ruleId: string;
  territoryId: string;
  period: string;
  kind?: AccidentKind;
  instrument: EscalationInstrument;
  accidentIds: string[];
  firedOn: string;
  status: AccountabilityActionStatus;
  openedAt: string;
  due: string;
  overdueAt?: string;
  taken?: { heldAt: string; minutes: string; recordedBy: Actor; recordedAt: string };
}

export interface RecordActionTaken {
  actor: Actor;
  /** When the summons was held (ISO instant); not in the future. */
  heldAt: string;
  minutes: string;
}

/** One firing's identity: a rule fires once per territory, year (and kind, for a same-kind rule). */
export function accountabilityFiringKey(firing: Pick<AccountabilityFiring, 'ruleId' | 'territoryId' | 'period' | 'kind'>): string {
  return [firing.ruleId, firing.territoryId, firing.period, firing.kind ?? 'any'].join(':');
}

export { accountabilityActionWorkflowId } from '../workflow-ids';

/** The obligation as a firing found at `now` opens it, due by the policy. */
export function openAccountabilityAction(
  firing: AccountabilityFiring,
  now: Date,
  policy: AccountabilityActionPolicy = STANDARD_ACCOUNTABILITY_ACTION_POLICY,
): AccountabilityActionState {
  return {
    firingKey: accountabilityFiringKey(firing),
    ruleId: firing.ruleId,
    territoryId: firing.territoryId,
    period: firing.period,
    ...(firing.kind ? { kind: firing.kind } : {}),
    instrument: firing.instrument,
    accidentIds: firing.accidentIds,
    firedOn: firing.firedOn,
    status: 'open',
    openedAt: now.toISOString(),
    due: new Date(now.getTime() + policy.dueWithinDays * DAY_MS).toISOString(),
  };
}

/** Refuses what may not be recorded (the update's validator); returns quietly otherwise. */
export function validateActionTaken(state: AccountabilityActionState, command: RecordActionTaken, now: Date): void {
  authorizeAccidentRecordAction('record_action_taken', command.actor);
  if (state.status === 'done') throw conflict('accountability.action.already_done', `the action on ${state.firingKey} is already recorded`);
  const minutes = typeof command.minutes === 'string' ? command.minutes.trim() : '';
  if (minutes === '') throw invalid('input.required', 'minutes', 'the minutes of the summons (约谈记录) are required');
  if (minutes.length > ACTION_MINUTES_MAX) throw invalid('input.too_long', 'minutes', `minutes are at most ${ACTION_MINUTES_MAX} characters`);
  const heldAt = Date.parse(command.heldAt);
  if (Number.isNaN(heldAt)) throw invalid('input.malformed', 'heldAt', 'heldAt must be an ISO date-time');
  if (heldAt > now.getTime()) throw invalid('time.in_future', 'heldAt', 'heldAt may not lie in the future');
}

/** The action recorded: done, whether on time or after it fell overdue (the overdue mark stays). */
export function recordActionTaken(state: AccountabilityActionState, command: RecordActionTaken, now: Date): AccountabilityActionState {
  validateActionTaken(state, command, now);
  return {
    ...state,
    status: 'done',
    taken: {
      heldAt: new Date(command.heldAt).toISOString(),
      minutes: command.minutes.trim(),
      recordedBy: command.actor,
      recordedAt: now.toISOString(),
    },
  };
}

/** At or after the due date an open obligation is overdue; anything else is left as it is. */
export function markActionOverdue(state: AccountabilityActionState, now: Date): AccountabilityActionState {
  if (state.status !== 'open' || now.getTime() < Date.parse(state.due)) return state;
  return { ...state, status: 'overdue', overdueAt: now.toISOString() };
}
