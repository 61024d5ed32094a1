import { Client, Connection } from '@temporalio/client';
import { makeTelemetryFilterString, NativeConnection, Runtime } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { existsSync } from 'node:fs';
import { dubanDataSourceOptions } from '@duban/persistence';
import { describeTemporalTls } from '@duban/temporal-client';
import { workflowBundlePath } from '@duban/audit';
import { createDubanWorker } from './duban-worker';
import { ACCIDENT_RECORD_SCHEDULE, ENFORCEMENT_RECORD_SCHEDULE, RECONCILIATION_SCHEDULE } from '@duban/workflows';
import { ensureRecordSchedule } from './record-schedules';
import { readWorkerEnv } from './worker-env';
import { PinoTemporalLogger, workerLog } from './worker-log';

/**
 * The worker process: `node dist/apps/worker/src/main.js`, configured only by its environment
 * (see readWorkerEnv), whether `npm start` runs it or a deployment does. SIGTERM or SIGINT
 * drains it (the SDK's shutdown signals): polling stops, activities in flight get the shutdown
 * grace time to finish, then it exits 0. Every line it writes is one JSON
 * object: its own, the Temporal SDK's and the SDK's native core's (forwarded into the same logger).
 */
async function main(): Promise<void> {
  let env;
  try {
    env = readWorkerEnv(process.env);
  } catch (error) {
    workerLog('INFO').fatal(`duban worker: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const log = workerLog(env.sdkLogLevel);
  Runtime.install({
    logger: new PinoTemporalLogger(log),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: env.sdkLogLevel, other: 'ERROR' }), forward: {} } },
  });
  const { address, namespace, tls } = env.temporal;
  const { tuning } = env;
  // Named by pid: pg_stat_activity then says which worker process holds or waits on a lock.
  const dataSource = await new DataSource(dubanDataSourceOptions(env.databaseUrl, { applicationName: `duban-worker-${process.pid}` })).initialize();
  const connection = await NativeConnection.connect({ address, tls });
  const clientConnection = await Connection.connect({ address, tls });
  const client = new Client({ connection: clientConnection, namespace });
  log.info(`accident record schedule: ${await ensureRecordSchedule(client, ACCIDENT_RECORD_SCHEDULE, tuning.taskQueue)}`);
  log.info(`enforcement record schedule: ${await ensureRecordSchedule(client, ENFORCEMENT_RECORD_SCHEDULE, tuning.taskQueue)}`);
  log.info(`reconciliation schedule: ${await ensureRecordSchedule(client, RECONCILIATION_SCHEDULE, tuning.taskQueue)}`);
  const bundle = workflowBundlePath();
  const worker = await createDubanWorker({
    connection,
    namespace,
    dataSource,
    client,
    taskQueue: tuning.taskQueue,
    maxCachedWorkflows: tuning.maxCachedWorkflows,
    shutdownGraceTime: tuning.shutdownGraceMs,
    stickyQueueScheduleToStartTimeout: tuning.stickyQueueTimeoutMs,
    polling: {
      ...(tuning.identity ? { identity: tuning.identity } : {}),
      maxConcurrentWorkflowTaskExecutions: tuning.maxConcurrentWorkflowTaskExecutions,
      maxConcurrentActivityTaskExecutions: tuning.maxConcurrentActivityTaskExecutions,
      maxConcurrentWorkflowTaskPolls: tuning.maxConcurrentWorkflowTaskPolls,
      maxConcurrentActivityTaskPolls: tuning.maxConcurrentActivityTaskPolls,
    },
    workflowBundle: existsSync(bundle) ? { codePath: bundle } : undefined,
  });
  // The options as the SDK compiled them: what this worker really runs with.
  const { taskQueue, maxCachedWorkflows, identity, shutdownGraceTimeMs, stickyQueueScheduleToStartTimeoutMs } = worker.options;
  log.info(
    {
      address,
      namespace,
      taskQueue,
      identity,
      maxCachedWorkflows,
      memoryBudgetMb: tuning.memoryBudgetMb,
      shutdownGraceTimeMs,
      stickyQueueScheduleToStartTimeoutMs,
      tls: describeTemporalTls(tls),
    },
    `duban worker ${identity} polling ${address} (${describeTemporalTls(tls)}) namespace ${namespace} task queue ${taskQueue} ` +
      `(max cached workflows ${maxCachedWorkflows} for a ${tuning.memoryBudgetMb} MB budget; sticky queue ${stickyQueueScheduleToStartTimeoutMs} ms; SIGTERM lets activities finish for ${shutdownGraceTimeMs} ms)`,
  );
  await worker.run();
  await connection.close();
  await clientConnection.close();
  await dataSource.destroy();
}

if (require.main === module) {
  main().catch((error) => {
    workerLog('INFO').fatal({ err: error }, 'duban worker failed');
    process.exit(1);
  });
}
