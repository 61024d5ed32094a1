import { WorkflowNotFoundError } from '@temporalio/client';
import { applyEvents, type EventApplier, type Sequenced } from '@duban/domain';
import { FakeTemporal, type FakeWorkflowHandle } from './fake-temporal';

/** How the fake runs one kind of workflow: the domain's own opening and decisions, as the workflow's handlers do. */
export interface FakeWorkflowRules<Input, State extends Sequenced, Command extends { type: string }, Event, Ids> {
  /** What stands before the aggregate's id in its workflow id (`accident-`). */
  idPrefix: string;
  /** The aggregate a start opens: its id, its state, and the events update-with-start answers with. */
  open(input: Input): { id: string; events: unknown[]; state: State };
  /** Update name → the command type it carries; an update not named here is not the workflow's. */
  commandOf: Readonly<Record<string, Command['type']>>;
  /** Decides one command against the state (the spec's clock and context fixed by the caller). */
  decide(state: State, command: Command): Event[];
  /** Numbers and applies the decided events. */
  applier: EventApplier<State, Event, Ids>;
}

/** Update name → command type, from a contract's command-update table (as the workflow registers its handlers). */
export function commandsByUpdateName<T extends string>(updates: { readonly [K in T]: { name: string } }): Record<string, T> {
  return Object.fromEntries(Object.entries<{ name: string }>(updates).map(([type, update]) => [update.name, type as T]));
}

/**
 * A fake Temporal for one kind of workflow that keeps each workflow's state in memory: a start
 * (update-with-start) opens it, an update decides its command against the state and applies the
 * events, the query answers the state. An update to a workflow never started, or to one a spec
 * marks `closed`, finds none, as an update to an ended workflow does in Temporal (its query still answers).
 */
export class FakeDecidingTemporal<Input, State extends Sequenced, Command extends { type: string }, Event, Ids> extends FakeTemporal<Input> {
  readonly states = new Map<string, State>();
  /** The aggregates whose workflow has ended (closed, 销号): their updates find no workflow. */
  readonly closed = new Set<string>();

  constructor(private readonly rules: FakeWorkflowRules<Input, State, Command, Event, Ids>) {
    super();
  }

  protected start(input: Input): { events: unknown[]; state: State } {
    const { id, events, state } = this.rules.open(input);
    this.states.set(id, state);
    return { events, state };
  }

  protected handle(workflowId: string): FakeWorkflowHandle {
    const id = workflowId.slice(this.rules.idPrefix.length);
    const known = () => {
      const state = this.states.get(id);
      if (!state) throw new WorkflowNotFoundError('workflow not found', workflowId, undefined);
      return state;
    };
    return {
      update: async (name, args) => {
        const state = known();
        if (this.closed.has(id)) throw new WorkflowNotFoundError('workflow execution already completed', workflowId, undefined);
        const type = this.rules.commandOf[name];
        if (type === undefined) throw new Error(`the fake workflow ${workflowId} has no update ${name}`);
        const applied = applyEvents(this.rules.applier, state, this.rules.decide(state, { ...(args[0] as object), type } as Command));
        this.states.set(id, applied.state);
        return applied;
      },
      query: async () => known(),
    };
  }
}
