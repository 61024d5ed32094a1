import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { HazardLedgerWriter } from '@duban/persistence';
import { HAZARD_TASK_QUEUE } from '@duban/workflows';
import type { DataSource } from 'typeorm';
import { createHazardActivities } from './hazard-activities';
import { workflowBundlerOptions, workflowsSourcePath } from './workflow-bundler-options';

export interface DubanWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  dataSource: DataSource;
  /** A prebuilt bundle (production); without it the workflows are bundled from source. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  taskQueue?: string;
  /** Tests stop workers quickly. */
  shutdownGraceTime?: WorkerOptions['shutdownGraceTime'];
}

/** One worker for the hazard task queue, with its activities bound to the ledger. */
export async function createDubanWorker(options: DubanWorkerOptions): Promise<Worker> {
  const code = options.workflowBundle
    ? { workflowBundle: options.workflowBundle }
    : { workflowsPath: workflowsSourcePath(), bundlerOptions: workflowBundlerOptions() };
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? HAZARD_TASK_QUEUE,
    activities: createHazardActivities(new HazardLedgerWriter(options.dataSource)),
    shutdownGraceTime: options.shutdownGraceTime ?? '10 seconds',
    ...code,
  });
}
