import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { dubanDataSourceOptions } from '@duban/persistence';
import { createDubanWorker } from '../../apps/worker/src/duban-worker';
import { sharedWorkflowBundle } from '../setup/shared-workflow-bundle';

/** Clients of the real Temporal dev server and PostgreSQL that the global setup started. */
export interface DevServerHarness {
  client: Client;
  connection: Connection;
  nativeConnection: NativeConnection;
  dataSource: DataSource;
  namespace: string;
  newWorker(taskQueue?: string, maxCachedWorkflows?: number): Promise<Worker>;
  close(): Promise<void>;
}

export async function connectDevServer(): Promise<DevServerHarness> {
  const address = inject('temporalAddress');
  const namespace = inject('temporalNamespace');
  const connection = await Connection.connect({ address });
  const nativeConnection = await NativeConnection.connect({ address });
  const dataSource = await new DataSource(dubanDataSourceOptions(inject('databaseUrl'))).initialize();
  const client = new Client({ connection, namespace });
  return {
    client,
    connection,
    nativeConnection,
    dataSource,
    namespace,
    newWorker: async (taskQueue, maxCachedWorkflows) =>
      createDubanWorker({
        connection: nativeConnection,
        namespace,
        dataSource,
        client,
        taskQueue,
        shutdownGraceTime: '2 seconds',
        maxCachedWorkflows,
        workflowBundle: await sharedWorkflowBundle(),
      }),
    async close() {
      await dataSource.destroy();
      await nativeConnection.close();
      await connection.close();
    },
  };
}

/** Polls until `check` returns a value (visibility and projections are eventually consistent). */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Retries `query` until the workflow it asks answers: a child workflow started by another
 * workflow (a campaign's units, a finding's hazard) exists a moment after its parent says so.
 */
export async function untilQueryable<T>(query: () => Promise<T>, attempts = 100): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await query();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
