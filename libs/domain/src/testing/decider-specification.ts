import { expect } from 'vitest';
import { applyEvents, type Decider, type Sequenced } from '../decider';
import { DomainRejection, type RejectionKind } from '../rejection';
import type { RejectionCode } from '../rejection-codes';

/** Fields left out are not compared. */
export type DeepPartial<T> =
  T extends ReadonlyArray<infer E> ? ReadonlyArray<DeepPartial<E>> : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** What a refusal must show: its kind, the field it names, its message (text it contains, or a pattern), its details. */
export interface RejectionMatch {
  kind?: RejectionKind;
  code?: RejectionCode;
  field?: string;
  message?: string | RegExp;
  details?: Record<string, unknown>;
}

/** Where every `given` starts: the decider's initial state from `start`; `context` and `now` for each decision. */
export type SpecificationSetup<Context, Init extends unknown[]> = { start: Init; now: Date } & (Context extends void
  ? { context?: undefined }
  : { context: Context });

/** The state some events led to, and the command whose outcome is checked next. */
export interface Given<State, Command, Event> {
  readonly state: State;
  /** The state after these further events too (what the clock decided, say). */
  and(events: Event[]): Given<State, Command, Event>;
  /** Decides `command` at `now` (the setup's `now` when left out). */
  when(command: Command, now?: Date): Then<State, Command, Event>;
}

export interface Then<State, Command, Event> {
  /** Accepted, with exactly as many events as expected, each matching its expected one field by field. */
  then(expected: Array<DeepPartial<Event>>): Given<State, Command, Event>;
  /** Accepted, and the state after its events matches `expected` field by field. */
  thenState(expected: DeepPartial<State>): Given<State, Command, Event>;
  /** Refused with a DomainRejection matching `expected`; returns it for further checks. */
  thenThrows(expected: RejectionMatch): DomainRejection;
}

/**
 * Given/when/then specifications of a decider (after emmett's DeciderSpecification): given
 * events, when a command, then the events it decides, the state they lead to, or the refusal.
 * Each accepted step returns the next `given`, so a lifecycle reads as one chain. (A `Then`
 * has a `then` method: return it from a test only through a block body, or the runner awaits it.)
 */
export const DeciderSpecification = {
  for<State extends Sequenced, Command, Event, Ids, Context, Init extends unknown[]>(
    decider: Decider<State, Command, Event, Ids, Context, Init>,
    setup: SpecificationSetup<Context, Init>,
  ): { given(events: Event[]): Given<State, Command, Event> } {
    const fold = (state: State, events: Event[]): State => applyEvents(decider, state, events).state;

    function givenState(state: State): Given<State, Command, Event> {
      return {
        state,
        and: (events) => givenState(fold(state, events)),
        when(command, now = setup.now) {
          const decide = () => decider.decide(state, command, now, setup.context as Context);
          const accepted = (): Event[] => {
            try {
              return decide();
            } catch (error) {
              if (error instanceof DomainRejection)
                throw new Error(`expected ${nameOf(command)} to be accepted, it was refused: ${error.message}`, { cause: error });
              throw error;
            }
          };
          return {
            then(expected) {
              const events = accepted();
              expect(events).toHaveLength(expected.length);
              expect(events).toMatchObject(expected as object[]);
              return givenState(fold(state, events));
            },
            thenState(expected) {
              const next = fold(state, accepted());
              expect(next).toMatchObject(expected as object);
              return givenState(next);
            },
            thenThrows(expected) {
              let events: Event[];
              try {
                events = decide();
              } catch (error) {
                if (!(error instanceof DomainRejection)) throw error;
                const { message, ...rest } = expected;
                expect(error).toMatchObject(rest);
                if (message !== undefined) expect(error.message).toMatch(message);
                return error;
              }
              throw new Error(`expected ${nameOf(command)} to be refused, it decided ${JSON.stringify(events)}`);
            },
          };
        },
      };
    }

    return { given: (events) => givenState(fold(decider.initialState(...setup.start), events)) };
  },
};

function nameOf(command: unknown): string {
  const type = (command as { type?: unknown }).type;
  return typeof type === 'string' ? `command ${type}` : 'the command';
}
