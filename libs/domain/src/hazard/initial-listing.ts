import type { Actor } from '../actor';
import { applyEvents } from '../decider';
import type { WorkCalendar } from '../time/work-calendar';
import type { HazardEvent } from './hazard-events';
import { hazardDecider } from './hazard-decider';
import type { ListingTracker } from './hazard-listing';
import type { HazardState } from './hazard-state';
import type { ListingLevel } from './listing-level';

/**
 * 挂牌督办 decided together with the report, by the office that found the hazard (a 重大隐患
 * found by a covert inspection is listed as it is filed, 限期销号): applied as that office's own
 * list_for_supervision command, so it is validated and recorded exactly as a later listing is.
 */
export interface HazardInitialListing {
  level: ListingLevel;
  tracker: ListingTracker;
  reason: string;
  /** The office that lists it (only an office may). */
  actor: Actor;
}

/** The opening file with the listing decided right after the report; a refused listing throws its rejection. */
export function withInitialListing(
  opened: { state: HazardState; events: HazardEvent[] },
  listing: HazardInitialListing,
  now: Date,
  calendar: WorkCalendar,
): { state: HazardState; events: HazardEvent[] } {
  const decided = hazardDecider.decide(opened.state, { type: 'list_for_supervision', ...listing }, now, calendar);
  const listed = applyEvents(hazardDecider, opened.state, decided);
  return { state: listed.state, events: [...opened.events, ...listed.events] };
}
