import type { Actor } from '../actor';
import type { CommandInput } from '../decider';
import type { AccidentReport } from '../accident/accident-report';
import type { ConcealmentKind, TipOffVerification } from '../accident/tip-off';
import type { TipOffAccidentLinkKind } from './tip-off-state';

/**
 * The accident a verified tip found: one already on record, or a new one with the facts the
 * verification established (its casualties are the verification's).
 */
export type TipOffAccidentTarget =
  { kind: 'existing'; accidentId: string } | { kind: 'new'; accidentId: string; facts: Omit<AccidentReport, 'casualties'> };

export type TipOffCommand =
  | { type: 'verify'; actor: Actor; verification: TipOffVerification; accident?: TipOffAccidentTarget }
  // Duban, once the accident's record has taken the verified tip.
  | { type: 'record_accident_link'; actor: Actor; accidentId: string; link: TipOffAccidentLinkKind; concealment: ConcealmentKind[] };

export type TipOffCommandType = TipOffCommand['type'];

export type VerifyTipOffArgs = CommandInput<TipOffCommand, 'verify'>;
