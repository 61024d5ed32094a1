import { describe, expect, it } from 'vitest';
import type { Decider } from '../decider';
import { conflict, invalid } from '../rejection';
import { DeciderSpecification } from './decider-specification';

// A counter that refuses to go below zero: enough to see each check pass and fail.
type Counter = { name: string; value: number; lastSeq: number };
type Command = { type: 'add'; amount: number };
type Event = { type: 'added'; amount: number };
const counter: Decider<Counter, Command, Event, { name: string }, number, [name: string]> = {
  initialState: (name) => ({ name, value: 0, lastSeq: 0 }),
  decide: (state, command, _now, limit) => {
    if (!Number.isInteger(command.amount)) throw invalid('input.out_of_range', 'amount', 'amount must be whole');
    if (state.value + command.amount < 0 || state.value + command.amount > limit)
      throw conflict('hazard.status.not_allowed', `the count stays within 0–${limit}`);
    return [{ type: 'added', amount: command.amount }];
  },
  evolve: (state, event) => ({ ...state, value: state.value + event.amount }),
  streamIds: (state) => ({ name: state.name }),
};
const spec = DeciderSpecification.for(counter, { start: ['c'], context: 10, now: new Date(0) });
const given = spec.given([{ type: 'added', amount: 3 }]);

describe('DeciderSpecification', () => {
  it('folds the given events onto the initial state, numbering them', () => {
    expect(given.state).toEqual({ name: 'c', value: 3, lastSeq: 1 });
    expect(given.and([{ type: 'added', amount: 1 }]).state).toEqual({ name: 'c', value: 4, lastSeq: 2 });
  });

  it('passes on the decided events and the state they lead to, and chains from them', () => {
    const next = given.when({ type: 'add', amount: 2 }).then([{ type: 'added', amount: 2 }]);
    expect(next.state.value).toBe(5);
    expect(next.when({ type: 'add', amount: 5 }).thenState({ value: 10, lastSeq: 3 }).state.value).toBe(10);
  });

  it('fails when the events, their number or the state differ', () => {
    expect(() => given.when({ type: 'add', amount: 2 }).then([{ type: 'added', amount: 1 }])).toThrow();
    expect(() => given.when({ type: 'add', amount: 2 }).then([])).toThrow();
    expect(() => given.when({ type: 'add', amount: 2 }).thenState({ value: 4 })).toThrow();
    expect(() => given.when({ type: 'add', amount: -5 }).thenState({})).toThrow(/to be accepted, it was refused/);
  });

  it('checks a refusal by kind, field and message, and fails when the command is accepted or refused otherwise', () => {
    expect(given.when({ type: 'add', amount: 0.5 }).thenThrows({ kind: 'invalid', code: 'input.out_of_range', field: 'amount' }).message).toBe(
      'amount must be whole',
    );
    given.when({ type: 'add', amount: 8 }).thenThrows({ kind: 'conflict', message: /0–10/ });
    expect(() => given.when({ type: 'add', amount: 1 }).thenThrows({ kind: 'conflict' })).toThrow(/to be refused/);
    expect(() => given.when({ type: 'add', amount: 8 }).thenThrows({ kind: 'invalid' })).toThrow();
    expect(() => given.when({ type: 'add', amount: 8 }).thenThrows({ message: 'no such text' })).toThrow();
  });
});
