import { applyEvents, type Decider } from '../decider';
import { decideTipOff } from './decide-tip-off';
import { evolveTipOff, initialTipOffState } from './evolve-tip-off';
import type { TipOffCommand } from './tip-off-commands';
import type { NewTipOffEvent, TipOffEvent, TipOffStreamIds } from './tip-off-events';
import type { TipOffState } from './tip-off-state';

type Received = Extract<NewTipOffEvent, { type: 'received' }>;

/** A tip-off's file (举报) in the shape every aggregate shares; its intake starts the stream. */
export const tipOffDecider: Decider<TipOffState, TipOffCommand, NewTipOffEvent, TipOffStreamIds, void, [Received]> = {
  initialState: initialTipOffState,
  decide: (state, command, now) => decideTipOff(state, command, now),
  evolve: evolveTipOff,
  streamIds: (state) => ({ tipOffId: state.tipOffId }),
};

/** Folds the opening events of a tip's file (the intake first) into its first state. */
export function foldTipOffOpening(opening: NewTipOffEvent[]): { state: TipOffState; events: TipOffEvent[] } {
  const [first] = opening;
  if (!first || first.type !== 'received') throw new Error('a tip-off file opens with its intake');
  return applyEvents(tipOffDecider, tipOffDecider.initialState(first), opening);
}
