import { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { DataSource } from 'typeorm';
import { registerSearchAttributes } from '@duban/infra';
import { dubanDataSourceOptions } from '@duban/persistence';
import { createDubanWorker } from '../../apps/worker/src/duban-worker';
import { sharedWorkflowBundle } from '../setup/shared-workflow-bundle';

export interface TimeSkippingHarness {
  env: TestWorkflowEnvironment;
  dataSource: DataSource;
  worker: Worker;
  taskQueue: string;
  teardown(): Promise<void>;
}

/**
 * Temporal's Java test server with time skipping (a real Temporal-protocol server), a real
 * worker bundling the real workflows, and the real PostgreSQL ledger. One per test file:
 * the SDK waits only briefly for the server's port.
 */
/**
 * The SDK gives the Java test server 5 s to open its port, which a loaded 2-core machine (a JVM
 * cold start beside other suites) can miss: try again, a few times, before failing the file.
 */
export async function startJavaTestServer(executable: string = inject('javaTestServer'), attempts = 8): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: executable } },
      });
    } catch (error) {
      if (attempt >= attempts || !/did not start within/.test(String(error))) throw error;
    }
  }
}

export async function startTimeSkippingHarness(taskQueue: string): Promise<TimeSkippingHarness> {
  const env = await startJavaTestServer();
  const namespace = env.namespace ?? 'default';
  await registerSearchAttributes(env.connection, namespace);
  const dataSource = await new DataSource(dubanDataSourceOptions(inject('databaseUrl'))).initialize();
  const worker = await createDubanWorker({
    connection: env.nativeConnection as unknown as NativeConnection,
    namespace,
    dataSource,
    client: env.client,
    taskQueue,
    shutdownGraceTime: '1 second',
    workflowBundle: await sharedWorkflowBundle(),
  });
  return {
    env,
    dataSource,
    worker,
    taskQueue,
    async teardown() {
      await dataSource.destroy();
      await env.teardown();
    },
  };
}

/**
 * A harness with its worker running for the tests of the enclosing file (or describe block):
 * started in beforeAll, the worker drained and the servers stopped in afterAll. The returned
 * object reads the live harness, so it can be destructured only inside tests.
 */
export function useTimeSkippingHarness(taskQueuePrefix: string): Omit<TimeSkippingHarness, 'teardown'> {
  let harness: TimeSkippingHarness | undefined;
  let running: Promise<void> | undefined;
  beforeAll(async () => {
    harness = await startTimeSkippingHarness(`${taskQueuePrefix}-${randomUUID()}`);
    running = harness.worker.run();
  });
  afterAll(async () => {
    harness?.worker.shutdown();
    await running;
    await harness?.teardown();
  });
  const live = (): TimeSkippingHarness => {
    if (!harness) throw new Error('the time-skipping harness is used outside a test (it starts in beforeAll)');
    return harness;
  };
  return {
    get env() {
      return live().env;
    },
    get dataSource() {
      return live().dataSource;
    },
    get worker() {
      return live().worker;
    },
    get taskQueue() {
      return live().taskQueue;
    },
  };
}
