import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Client } from '@temporalio/client';
import {
  AccidentLedgerWriter,
  AccidentRecordReader,
  AccidentRecordWriter,
  CampaignLedgerReader,
  CampaignLedgerWriter,
  CovertInspectionLedgerWriter,
  EnforcementLedgerWriter,
  EnforcementRecordStore,
  HazardLedgerReader,
  HazardLedgerWriter,
  LedgerReconciler,
  ReconciliationStore,
  TipOffLedgerWriter,
} from '@duban/persistence';
import { createAccidentActivities } from './accident-activities';
import { createAccidentRecordActivities } from './accident-record-activities';
import { DUBAN_TASK_QUEUE } from '@duban/workflows';
import { createCampaignActivities } from './campaign-activities';
import { createCovertInspectionActivities } from './covert-inspection-activities';
import type { DataSource } from 'typeorm';
import { createEnforcementActivities } from './enforcement-activities';
import { createEnforcementRecordActivities } from './enforcement-record-activities';
import { createHazardActivities } from './hazard-activities';
import { createReconciliationActivities } from './reconciliation-activities';
import { createTipOffActivities } from './tip-off-activities';
import { workflowBundlerOptions, workflowsSourcePath } from '@duban/audit';

export interface DubanWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  dataSource: DataSource;
  /** For activities that talk to other workflows (a campaign signalling its units). */
  client: Client;
  /** A prebuilt bundle (production); without it the workflows are bundled from source. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  taskQueue?: string;
  /** Tests stop workers quickly. */
  shutdownGraceTime?: WorkerOptions['shutdownGraceTime'];
  /** How long a task waits on this worker's sticky queue before any worker may take it (the SDK's 10 s when unset). */
  stickyQueueScheduleToStartTimeout?: WorkerOptions['stickyQueueScheduleToStartTimeout'];
  /**
   * Workflows kept in memory between tasks. A campaign over thousands of units keeps that many
   * workflows open for weeks: a cap trades memory for replays when an evicted one wakes up.
   */
  maxCachedWorkflows?: number;
  /** A deployment's identity, concurrency and poller settings (see readWorkerTuning); the SDK's defaults otherwise. */
  polling?: Pick<
    WorkerOptions,
    | 'identity'
    | 'maxConcurrentWorkflowTaskExecutions'
    | 'maxConcurrentActivityTaskExecutions'
    | 'maxConcurrentWorkflowTaskPolls'
    | 'maxConcurrentActivityTaskPolls'
  >;
}

/** One worker for every Duban workflow, with its activities bound to the ledger. */
export async function createDubanWorker(options: DubanWorkerOptions): Promise<Worker> {
  const code = options.workflowBundle
    ? { workflowBundle: options.workflowBundle }
    : { workflowsPath: workflowsSourcePath(), bundlerOptions: workflowBundlerOptions() };
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue ?? DUBAN_TASK_QUEUE,
    activities: {
      ...createHazardActivities({ writer: new HazardLedgerWriter(options.dataSource), dataSource: options.dataSource, client: options.client }),
      ...createAccidentActivities({
        writer: new AccidentLedgerWriter(options.dataSource),
        hazards: new HazardLedgerReader(options.dataSource),
        client: options.client,
      }),
      ...createTipOffActivities({ writer: new TipOffLedgerWriter(options.dataSource), client: options.client }),
      ...createAccidentRecordActivities(new AccidentRecordReader(options.dataSource), new AccidentRecordWriter(options.dataSource)),
      ...createEnforcementActivities(new EnforcementLedgerWriter(options.dataSource)),
      ...createCovertInspectionActivities(new CovertInspectionLedgerWriter(options.dataSource), options.dataSource),
      ...createEnforcementRecordActivities(new EnforcementRecordStore(options.dataSource)),
      ...createReconciliationActivities({
        client: options.client,
        reconciler: new LedgerReconciler(options.dataSource),
        store: new ReconciliationStore(options.dataSource),
      }),
      ...createCampaignActivities({
        writer: new CampaignLedgerWriter(options.dataSource),
        reader: new CampaignLedgerReader(options.dataSource),
        client: options.client,
      }),
    },
    shutdownGraceTime: options.shutdownGraceTime ?? '10 seconds',
    ...(options.maxCachedWorkflows !== undefined ? { maxCachedWorkflows: options.maxCachedWorkflows } : {}),
    ...(options.stickyQueueScheduleToStartTimeout !== undefined
      ? { stickyQueueScheduleToStartTimeout: options.stickyQueueScheduleToStartTimeout }
      : {}),
    ...options.polling,
    ...code,
  });
}
