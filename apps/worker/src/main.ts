import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { existsSync } from 'node:fs';
import { dubanDataSourceOptions } from '@duban/persistence';
import { workflowBundlePath } from './build-workflow-bundle';
import { createDubanWorker } from './duban-worker';
import { readWorkerEnv } from './worker-env';

/**
 * The worker process: `node dist/apps/worker/src/main.js`, configured only by its environment
 * (see readWorkerEnv), whether `npm start` runs it or a deployment does. SIGTERM or SIGINT
 * drains it (the SDK's shutdown signals) and it exits 0.
 */
async function main(): Promise<void> {
  let env;
  try {
    env = readWorkerEnv(process.env);
  } catch (error) {
    console.error(`duban worker: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  Runtime.install({ logger: new DefaultLogger(env.sdkLogLevel) });
  const { address, namespace } = env.temporal;
  const dataSource = await new DataSource(dubanDataSourceOptions(env.databaseUrl)).initialize();
  const connection = await NativeConnection.connect({ address });
  const clientConnection = await Connection.connect({ address });
  const bundle = workflowBundlePath();
  const worker = await createDubanWorker({
    connection,
    namespace,
    dataSource,
    client: new Client({ connection: clientConnection, namespace }),
    maxCachedWorkflows: env.maxCachedWorkflows,
    workflowBundle: existsSync(bundle) ? { codePath: bundle } : undefined,
  });
  // The options as the SDK compiled them: what this worker really runs with.
  const { taskQueue, maxCachedWorkflows } = worker.options;
  console.log(`duban worker polling ${address} namespace ${namespace} task queue ${taskQueue} (max cached workflows ${maxCachedWorkflows})`);
  await worker.run();
  await connection.close();
  await clientConnection.close();
  await dataSource.destroy();
}

if (require.main === module) {
  main().catch((error) => {
    console.error('duban worker failed:', error);
    process.exit(1);
  });
}
