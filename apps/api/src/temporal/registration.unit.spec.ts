import { describe, expect, it } from 'vitest';
import { awaitRegistration, notYetRegisteredMessage } from './registration';

describe('awaitRegistration', () => {
  it('passes on an answer that comes in time', async () => {
    expect(await awaitRegistration(Promise.resolve('ok'), 1000, () => undefined)).toEqual({ registered: true, value: 'ok' });
  });

  it('passes on an error that comes in time, untouched', async () => {
    const refusal = new Error('Temporal unreachable');
    await expect(awaitRegistration(Promise.reject(refusal), 1000, () => undefined)).rejects.toBe(refusal);
  });

  it('answers registered: false when the time runs out, and hands a later error to onLateError (no unhandled rejection)', async () => {
    let fail!: (error: Error) => void;
    const pending = new Promise<string>((_, reject) => (fail = reject));
    const late: unknown[] = [];
    expect(await awaitRegistration(pending, 10, (error) => late.push(error))).toEqual({ registered: false });
    const error = new Error('start failed after all');
    fail(error);
    await new Promise((resolve) => setImmediate(resolve));
    expect(late).toEqual([error]);
  });
});

describe('notYetRegisteredMessage', () => {
  it('says the start was accepted and how long no worker answered, in seconds', () => {
    expect(notYetRegisteredMessage('hazard h-1', 20_000)).toBe(
      'hazard h-1 accepted by Temporal; the ledger will show it once a worker has processed it (no worker answered within 20 s)',
    );
  });
});
