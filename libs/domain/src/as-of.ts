import { applyEvents, type EventApplier, type Sequenced } from './decider';
import { invalid } from './rejection';
import { isDateTime } from './time/date-time';

/** An event as an aggregate's log holds it: its number in the stream and when it happened. */
export interface LoggedEvent {
  seq: number;
  at: string;
}

/**
 * The instant `asOf` names (某一时刻), checked: an ISO 8601 date-time with a zone, not after
 * `now` (the future has no recorded state yet). Rejects naming the field `asOf`.
 */
export function parseAsOf(text: unknown, now: Date): Date {
  if (!isDateTime(text)) throw invalid('input.malformed', 'asOf', `asOf ${JSON.stringify(text)} is not an ISO 8601 date-time with a zone`);
  const asOf = new Date(text);
  if (asOf.getTime() > now.getTime())
    throw invalid('input.out_of_range', 'asOf', `asOf ${text} is in the future (now ${now.toISOString()}): no state is recorded for it yet`);
  return asOf;
}

/** The events that had happened by `asOf` (at ≤ asOf, the boundary included), in stream order. */
export function eventsAsOf<E extends LoggedEvent>(events: readonly E[], asOf: Date): E[] {
  const until = asOf.getTime();
  return events.filter((e) => Date.parse(e.at) <= until).sort((a, b) => a.seq - b.seq);
}

/**
 * An aggregate's state as of a moment: its opening state with every event up to `asOf` applied
 * by the aggregate's own evolve (through applyEvents, as its workflow applies them), so the
 * answer agrees with what the workflow held then by construction. `opening` builds the state the
 * first event is applied to, from that event (a hazard's report) or from facts fixed at the
 * start (a campaign's launch). Undefined when nothing had happened yet: the aggregate did not exist.
 */
export function stateAsOf<State extends Sequenced, Event, Ids>(
  applier: EventApplier<State, Event, Ids>,
  opening: (first: Event & LoggedEvent) => State,
  events: ReadonlyArray<Event & LoggedEvent>,
  asOf: Date,
): State | undefined {
  const happened = eventsAsOf(events, asOf);
  const [first] = happened;
  if (!first) return undefined;
  return applyEvents(applier, opening(first), happened).state;
}
