import { ServiceError, type Client } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { RECONCILIATION_SCHEDULE } from '@duban/workflows';
import { ensureRecordSchedule } from './record-schedules';

/** A gRPC error as @grpc/grpc-js raises it (code, details, metadata). */
const grpcError = (code: number) => Object.assign(new Error(`${code} grpc`), { code, details: 'context deadline exceeded', metadata: {} });

/** A client whose schedule create fails with `failures` in turn, then succeeds. */
function clientFailing(failures: unknown[]): { client: Client; creates: () => number } {
  let creates = 0;
  const client = {
    schedule: {
      async create() {
        const failure = failures[creates++];
        if (failure) throw failure;
      },
    },
  } as unknown as Client;
  return { client, creates: () => creates };
}

describe('ensureRecordSchedule', () => {
  it('tries again while the server times out or is unreachable, then creates the schedule', async () => {
    const { client, creates } = clientFailing([new ServiceError('Failed to create schedule', { cause: grpcError(4) }), grpcError(14)]);
    await expect(ensureRecordSchedule(client, RECONCILIATION_SCHEDULE, 'q', { attempts: 5, delayMs: 1 })).resolves.toBe('created');
    expect(creates()).toBe(3);
  });

  it('gives up after its attempts, and at once on an error retrying cannot fix', async () => {
    const timingOut = clientFailing(Array.from({ length: 5 }, () => grpcError(4)));
    await expect(ensureRecordSchedule(timingOut.client, RECONCILIATION_SCHEDULE, 'q', { attempts: 3, delayMs: 1 })).rejects.toThrow('4 grpc');
    expect(timingOut.creates()).toBe(3);
    const refused = clientFailing([grpcError(7)]); // PERMISSION_DENIED
    await expect(ensureRecordSchedule(refused.client, RECONCILIATION_SCHEDULE, 'q', { attempts: 3, delayMs: 1 })).rejects.toThrow('7 grpc');
    expect(refused.creates()).toBe(1);
  });
});
