import { openedStateAsOf, type LoggedEvent } from './as-of';
import { hazardDecider } from './hazard/hazard-decider';
import type { NewHazardEvent } from './hazard/hazard-events';
import type { HazardState } from './hazard/hazard-state';

export type LoggedHazardEvent = NewHazardEvent & LoggedEvent;

/** A hazard's state (一患一档) as of `asOf`, from its events; undefined before its report was recorded. */
export function hazardStateAsOf(events: readonly LoggedHazardEvent[], asOf: Date): HazardState | undefined {
  return openedStateAsOf(hazardDecider, 'reported', 'a hazard file', events, asOf);
}
