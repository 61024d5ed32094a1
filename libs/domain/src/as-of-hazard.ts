import { stateAsOf, type LoggedEvent } from './as-of';
import { initialHazardState } from './hazard/evolve-hazard';
import { hazardDecider } from './hazard/hazard-decider';
import type { NewHazardEvent } from './hazard/hazard-events';
import type { HazardState } from './hazard/hazard-state';

export type LoggedHazardEvent = NewHazardEvent & LoggedEvent;

/** A hazard's state (一患一档) as of `asOf`, from its events; undefined before its report was recorded. */
export function hazardStateAsOf(events: readonly LoggedHazardEvent[], asOf: Date): HazardState | undefined {
  return stateAsOf(
    hazardDecider,
    (first) => {
      if (first.type !== 'reported') throw new Error(`a hazard file opens with its report, not ${first.type}`);
      return initialHazardState(first);
    },
    events,
    asOf,
  );
}
