import { NotFoundException } from '@nestjs/common';
import { parseAsOf } from '@duban/domain';

/**
 * One aggregate's read as of a moment (某一时刻的状态), in the parts that differ between
 * aggregates: who may read it, its recorded events up to the moment, and the domain's fold of
 * them (its own evolve, and the view built from that state where its read shows one).
 */
export interface AsOfRead<Events, Found> {
  /** Refuses a reader the plain read refuses (403/404), as the plain read does. */
  authorize(): Promise<unknown>;
  /** Its recorded events up to and including `asOf`, and whatever else the fold reads. */
  eventsUpTo(asOf: Date): Promise<Events>;
  /** The state or view as of `asOf`; undefined when it did not exist yet. */
  fold(events: Events, asOf: Date): Found | undefined;
  /** What did not exist yet before its opening event, for the 404 ("hazard H-1 was not reported"). */
  notYet: string;
}

/**
 * The as-of read every aggregate shares: `asOf` checked first (400 naming it when malformed or in
 * the future), then the reader's permission as on the plain read, then the fold of the events up
 * to it; 404 when the aggregate did not exist yet. Answers what was found and `asOf` echoed.
 */
export async function readAsOf<Events, Found>(asOfText: string, now: Date, read: AsOfRead<Events, Found>): Promise<{ found: Found; asOf: string }> {
  const asOf = parseAsOf(asOfText, now);
  await read.authorize();
  const found = read.fold(await read.eventsUpTo(asOf), asOf);
  if (found === undefined) throw new NotFoundException(`${read.notYet} yet at ${asOf.toISOString()}`);
  return { found, asOf: asOf.toISOString() };
}

/** A record's state as of a moment: the same shape as its detail, its state folded from the events and no ledger row (the row is today's). */
export interface StateAsOf<State> {
  state: State;
  stateSource: 'events';
  asOf: string;
}

/** readAsOf of a record whose read shows its state. */
export async function readStateAsOf<Events, State>(asOfText: string, now: Date, read: AsOfRead<Events, State>): Promise<StateAsOf<State>> {
  const { found, asOf } = await readAsOf(asOfText, now, read);
  return { state: found, stateSource: 'events', asOf };
}

/** An aggregate's view as of a moment (a campaign's, a unit's file): the view built from the state folded from the events. */
export interface ViewAsOf<View> {
  view: View;
  viewSource: 'events';
  asOf: string;
}

/** readAsOf of an aggregate whose read shows a view built from its state. */
export async function readViewAsOf<Events, View>(asOfText: string, now: Date, read: AsOfRead<Events, View>): Promise<ViewAsOf<View>> {
  const { found, asOf } = await readAsOf(asOfText, now, read);
  return { view: found, viewSource: 'events', asOf };
}
