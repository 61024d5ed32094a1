import { applyEvents, type Decider } from '../decider';
import type { CovertInspectionCommand } from './covert-inspection-commands';
import type { CovertInspectionEvent, CovertInspectionStreamIds, NewCovertInspectionEvent } from './covert-inspection-events';
import type { CovertInspectionState } from './covert-inspection-state';
import { decideCovertInspection } from './decide-covert-inspection';
import { evolveCovertInspection, initialCovertInspectionState } from './evolve-covert-inspection';

type Planned = Extract<NewCovertInspectionEvent, { type: 'planned' }>;

/** A covert inspection (明察暗访) in the shape every aggregate shares; its plan starts the stream. */
export const covertInspectionDecider: Decider<
  CovertInspectionState,
  CovertInspectionCommand,
  NewCovertInspectionEvent,
  CovertInspectionStreamIds,
  void,
  [Planned]
> = {
  initialState: initialCovertInspectionState,
  decide: (state, command, now) => decideCovertInspection(state, command, now),
  evolve: evolveCovertInspection,
  streamIds: (state) => ({ inspectionId: state.inspectionId }),
};

/** Folds a covert inspection's opening events (the plan first) into its first state. */
export function foldCovertInspectionOpening(opening: NewCovertInspectionEvent[]): { state: CovertInspectionState; events: CovertInspectionEvent[] } {
  const [first] = opening;
  if (!first || first.type !== 'planned') throw new Error('a covert inspection opens with its plan');
  return applyEvents(covertInspectionDecider, covertInspectionDecider.initialState(first), opening);
}
