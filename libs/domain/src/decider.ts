/** An aggregate's state counts the events applied to it: `lastSeq` is the last one's number. */
export interface Sequenced {
  lastSeq: number;
}

/** An event as recorded in its aggregate's stream: stamped with the aggregate's ids and numbered. */
export type Recorded<Event, Ids> = Event & Ids & { seq: number };

/**
 * The shape every Duban aggregate shares (after emmett's Decider): `decide` turns a command into
 * new events or throws a DomainRejection saying why not; `evolve` applies one event. Both are
 * pure, so an update validator can decide and the handler decide again, and a replay of the
 * ledger agrees with the workflow by construction. Numbering the events is `applyEvents`' job.
 */
export interface Decider<State extends Sequenced, Command, Event, Ids, Context = void, Init extends unknown[] = []> {
  /** The state the stream's first event is applied to (`lastSeq` 0). */
  initialState(...init: Init): State;
  /** The events `command` causes at `now`; `context` is what the rules need beyond the state. */
  decide(state: State, command: Command, now: Date, context: Context): Event[];
  evolve(state: State, event: Event): State;
  /** The ids every recorded event of this aggregate carries. */
  streamIds(state: State): Ids;
}

/** What applying events needs of a decider. */
export type EventApplier<State extends Sequenced, Event, Ids> = Pick<Decider<State, unknown, Event, Ids>, 'evolve' | 'streamIds'>;

/** Applies new events in order, numbering each after the state's last sequence number. */
export function applyEvents<State extends Sequenced, Event, Ids>(
  decider: EventApplier<State, Event, Ids>,
  state: State,
  events: Event[],
): { state: State; events: Array<Recorded<Event, Ids>> } {
  const recorded: Array<Recorded<Event, Ids>> = [];
  let next = state;
  for (const event of events) {
    next = { ...decider.evolve(next, event), lastSeq: next.lastSeq + 1 };
    recorded.push({ ...event, ...decider.streamIds(next), seq: next.lastSeq });
  }
  return { state: next, events: recorded };
}

/** The arguments of one command: the command without its `type` (what an update carries). */
export type CommandArgs<C extends { type: string }, T extends C['type']> = Omit<Extract<C, { type: T }>, 'type'>;

/** What a person fills in for one command: its arguments without the actor, who comes from their credentials. */
export type CommandInput<C extends { type: string }, T extends C['type']> = Omit<CommandArgs<C, T>, 'actor'>;

/** The command of type `type` with these arguments (a type set in the arguments does not win). */
export function commandOf<C extends { type: string }, T extends C['type']>(type: T, args: CommandArgs<C, T>): Extract<C, { type: T }> {
  return { ...args, type } as unknown as Extract<C, { type: T }>;
}
