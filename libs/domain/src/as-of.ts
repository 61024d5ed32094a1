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
    throw invalid('time.in_future', 'asOf', `asOf ${text} is in the future (now ${now.toISOString()}): no state is recorded for it yet`);
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

/** What folding a stream from its opening event needs of a decider whose initial state is built from that event. */
export type OpenedByEvent<State extends Sequenced, Event, Ids> = EventApplier<State, Event, Ids> & {
  initialState(first: Event): State;
};

/**
 * The state as of `asOf` of an aggregate whose stream opens with one event of type `opening`
 * (a hazard's report, an accident's 快报, a case's 立案 …), built from it by the decider's own
 * initialState: what its workflow's opening fold (foldOpeningEvents and its siblings) does, then
 * every later event applied. A stream that opens with anything else is not this aggregate's.
 */
export function openedStateAsOf<State extends Sequenced, Event extends { type: string }, Ids>(
  decider: OpenedByEvent<State, Event, Ids>,
  opening: Event['type'],
  what: string,
  events: ReadonlyArray<Event & LoggedEvent>,
  asOf: Date,
): State | undefined {
  return stateAsOf(
    decider,
    (first) => {
      if (first.type !== opening) throw new Error(`${what} opens with ${opening}, not ${first.type}`);
      return decider.initialState(first);
    },
    events,
    asOf,
  );
}
