import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { existsSync } from 'node:fs';
import { dubanDataSourceOptions } from '@duban/persistence';
import { workflowBundlePath } from './build-workflow-bundle';
import { createDubanWorker, maxCachedWorkflowsFromEnv } from './duban-worker';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is required`);
  return value;
}

/** The standalone worker process: `node dist/apps/worker/src/main.js`. */
async function main(): Promise<void> {
  const address = requireEnv('TEMPORAL_ADDRESS');
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  const dataSource = await new DataSource(dubanDataSourceOptions(requireEnv('DATABASE_URL'))).initialize();
  const connection = await NativeConnection.connect({ address });
  const clientConnection = await Connection.connect({ address });
  const bundle = workflowBundlePath();
  const worker = await createDubanWorker({
    connection,
    namespace,
    dataSource,
    client: new Client({ connection: clientConnection, namespace }),
    maxCachedWorkflows: maxCachedWorkflowsFromEnv(),
    workflowBundle: existsSync(bundle) ? { codePath: bundle } : undefined,
  });
  console.log(`worker polling ${address} namespace ${namespace}`);
  await worker.run();
  await connection.close();
  await clientConnection.close();
  await dataSource.destroy();
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
