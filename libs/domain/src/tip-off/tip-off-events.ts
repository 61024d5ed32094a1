import type { Actor } from '../actor';
import type { Recorded } from '../decider';
import type { AccidentReport } from '../accident/accident-report';
import type { ConcealmentKind, TipOff, TipOffPolicy, TipOffVerification } from '../accident/tip-off';
import type { TipOffAccidentLinkKind } from './tip-off-state';

/** What happened to a tip, in order; each event names who, when and why (the audit trail). */
export type TipOffEventBody =
  | { type: 'received'; data: { tipOffId: string; tip: TipOff; policy: TipOffPolicy; deadline: string } }
  | { type: 'verification_overdue'; data: { deadline: string } }
  // report: for a new accident record, the 事故快报 built from what was verified.
  | {
      type: 'verified';
      data: { verification: TipOffVerification; onTime: boolean; accidentId: string; link: TipOffAccidentLinkKind; report?: AccidentReport };
    }
  | { type: 'not_verified'; data: { verification: TipOffVerification; onTime: boolean } }
  | { type: 'accident_linked'; data: { accidentId: string; link: TipOffAccidentLinkKind; concealment: ConcealmentKind[] } };

export type TipOffEventType = TipOffEventBody['type'];

export type NewTipOffEvent = TipOffEventBody & { at: string; actor: Actor; reason: string };

export type TipOffStreamIds = { tipOffId: string };

export type TipOffEvent = Recorded<NewTipOffEvent, TipOffStreamIds>;

export const TIP_OFF_EVENT_LABELS: Record<TipOffEventType, string> = {
  received: '举报受理 (tip-off received)',
  verification_overdue: '核查逾期 (verification overdue)',
  verified: '核查属实 (verified)',
  not_verified: '核查不属实 (not verified)',
  accident_linked: '事故记录 (accident record opened or updated)',
};
