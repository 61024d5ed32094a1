import { openedStateAsOf, type LoggedEvent } from './as-of';
import { accidentDecider } from './accident/accident-decider';
import type { NewAccidentEvent } from './accident/accident-events';
import type { AccidentState } from './accident/accident-state';
import { covertInspectionDecider } from './enforcement/covert-inspection-decider';
import type { NewCovertInspectionEvent } from './enforcement/covert-inspection-events';
import type { CovertInspectionState } from './enforcement/covert-inspection-state';
import { enforcementDecider } from './enforcement/enforcement-decider';
import type { NewEnforcementEvent } from './enforcement/enforcement-events';
import type { EnforcementCaseState } from './enforcement/enforcement-state';
import { tipOffDecider } from './tip-off/tip-off-decider';
import type { NewTipOffEvent } from './tip-off/tip-off-events';
import type { TipOffState } from './tip-off/tip-off-state';

// 某一时刻的状态 of the records whose stream opens with one event the initial state is built
// from, as a hazard's does (as-of-hazard.ts): each folded with its own decider, as its workflow
// folds its opening events (foldAccidentOpening, foldEnforcementOpening, …) and applies the rest.

export type LoggedAccidentEvent = NewAccidentEvent & LoggedEvent;
export type LoggedEnforcementEvent = NewEnforcementEvent & LoggedEvent;
export type LoggedCovertInspectionEvent = NewCovertInspectionEvent & LoggedEvent;
export type LoggedTipOffEvent = NewTipOffEvent & LoggedEvent;

/** An accident's record (一事一档) as of `asOf`; undefined before its report (快报) was recorded. */
export function accidentStateAsOf(events: readonly LoggedAccidentEvent[], asOf: Date): AccidentState | undefined {
  return openedStateAsOf(accidentDecider, 'reported', 'an accident record', events, asOf);
}

/** An enforcement case as of `asOf`; undefined before 立案 was recorded. */
export function enforcementCaseStateAsOf(events: readonly LoggedEnforcementEvent[], asOf: Date): EnforcementCaseState | undefined {
  return openedStateAsOf(enforcementDecider, 'opened', 'an enforcement case', events, asOf);
}

/** A covert inspection (明察暗访) as of `asOf`; undefined before its plan was recorded. */
export function covertInspectionStateAsOf(events: readonly LoggedCovertInspectionEvent[], asOf: Date): CovertInspectionState | undefined {
  return openedStateAsOf(covertInspectionDecider, 'planned', 'a covert inspection', events, asOf);
}

/** A tip-off's file (举报) as of `asOf`; undefined before its intake was recorded. */
export function tipOffStateAsOf(events: readonly LoggedTipOffEvent[], asOf: Date): TipOffState | undefined {
  return openedStateAsOf(tipOffDecider, 'received', 'a tip-off file', events, asOf);
}
