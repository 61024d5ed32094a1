import { applyEvents, type Decider } from '../decider';
import type { WorkCalendar } from '../time/work-calendar';
import { decideHazard } from './decide-hazard';
import { evolveHazard, initialHazardState } from './evolve-hazard';
import type { HazardCommand } from './hazard-commands';
import type { HazardEvent, HazardStreamIds, NewHazardEvent } from './hazard-events';
import type { HazardState } from './hazard-state';

type Reported = Extract<NewHazardEvent, { type: 'reported' }>;

/** 一患一档: a hazard's rules in the shape every aggregate shares; the report starts its stream. */
export const hazardDecider: Decider<HazardState, HazardCommand, NewHazardEvent, HazardStreamIds, WorkCalendar, [Reported]> = {
  initialState: initialHazardState,
  decide: decideHazard,
  evolve: evolveHazard,
  streamIds: (state) => ({ hazardId: state.hazardId }),
};

/** Folds the opening events of a hazard file (the report first) into its first state. */
export function foldOpeningEvents(opening: NewHazardEvent[]): { state: HazardState; events: HazardEvent[] } {
  const [first] = opening;
  if (!first || first.type !== 'reported') throw new Error('a hazard file opens with its report');
  return applyEvents(hazardDecider, hazardDecider.initialState(first), opening);
}
