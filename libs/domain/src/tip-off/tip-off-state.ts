import type { Actor } from '../actor';
import type { AccidentReport } from '../accident/accident-report';
import type { ConcealmentKind, TipOff, TipOffPolicy, TipOffVerification } from '../accident/tip-off';

/** Where a tip stands: awaiting its verification (核查), or verified (属实) / not verified (不属实). */
export const TIP_OFF_STATUS_LABELS = {
  awaiting_verification: '待核查 (awaiting verification)',
  verified: '核查属实 (verified: an accident)',
  not_verified: '核查不属实 (not verified)',
} as const;
export type TipOffStatus = keyof typeof TIP_OFF_STATUS_LABELS;
export const TIP_OFF_STATUSES = Object.keys(TIP_OFF_STATUS_LABELS) as TipOffStatus[];

/** How a verified tip reaches the accident record: a new record opened from it, or an existing one updated. */
export type TipOffAccidentLinkKind = 'opened' | 'updated';

export interface TipOffAccidentLink {
  accidentId: string;
  kind: TipOffAccidentLinkKind;
  /** For a new record: the 事故快报 built from what was verified. */
  report?: AccidentReport;
  /** Who verified it: the new record's recorder, or who records the tip on the existing one. */
  verifiedBy: Actor;
  /** Set once the accident's record has taken the tip (opened, or the tip recorded on it). */
  linkedAt?: string;
  /** 瞒报 / 谎报 the accident's record raised from this tip, once linked. */
  concealment?: ConcealmentKind[];
}

/** One tip-off's file (举报台账): its intake, its verification obligation, and what the verification found. */
export interface TipOffState {
  tipOffId: string;
  tip: TipOff;
  policy: TipOffPolicy;
  receivedBy: Actor;
  status: TipOffStatus;
  /** When the verification falls due (policy.verifyWithin after the tip was received), ISO. */
  deadline: string;
  /** The deadline passed before the verification was recorded (核查逾期). */
  overdue: boolean;
  verification?: TipOffVerification;
  /** Whether the verification was recorded by the deadline. */
  verifiedOnTime?: boolean;
  accident?: TipOffAccidentLink;
  lastSeq: number;
}

/** The file still waits on something: the verification, or a verified tip's accident record taking it. */
export function tipOffIsOpen(state: TipOffState): boolean {
  return state.status === 'awaiting_verification' || (state.accident !== undefined && state.accident.linkedAt === undefined);
}
