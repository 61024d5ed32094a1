import { applyEvents, type Decider } from '../decider';
import type { AccidentCommand } from './accident-commands';
import type { AccidentEvent, AccidentStreamIds, NewAccidentEvent } from './accident-events';
import type { AccidentState } from './accident-state';
import { decideAccident } from './decide-accident';
import { evolveAccident, initialAccidentState } from './evolve-accident';

type Reported = Extract<NewAccidentEvent, { type: 'reported' }>;

/** An accident's record in the shape every aggregate shares; the report (快报) starts its stream. */
export const accidentDecider: Decider<AccidentState, AccidentCommand, NewAccidentEvent, AccidentStreamIds, void, [Reported]> = {
  initialState: initialAccidentState,
  decide: (state, command, now) => decideAccident(state, command, now),
  evolve: evolveAccident,
  streamIds: (state) => ({ accidentId: state.accidentId }),
};

/** Folds the opening events of an accident's record (the report first) into its first state. */
export function foldAccidentOpening(opening: NewAccidentEvent[]): { state: AccidentState; events: AccidentEvent[] } {
  const [first] = opening;
  if (!first || first.type !== 'reported') throw new Error('an accident record opens with its report');
  return applyEvents(accidentDecider, accidentDecider.initialState(first), opening);
}
