/**
 * `npm start`: everything Duban needs on one machine — Temporal (dev server on SQLite, or
 * TEMPORAL_ADDRESS), PostgreSQL (embedded, or DATABASE_URL), migrations, the worker and the
 * API — then prints where to reach them. Ctrl-C stops it all in reverse order.
 */
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import type { Actor } from '@duban/domain';
import { dubanDataSourceOptions, runMigrations } from '@duban/persistence';
import { createApiApp } from '../../apps/api/src/api-app';
import { signAccessToken } from '../../apps/api/src/auth/access-token';
import { buildWorkflowBundle } from '../../apps/worker/src/build-workflow-bundle';
import { createDubanWorker, maxCachedWorkflowsFromEnv } from '../../apps/worker/src/duban-worker';
import { loadOrCreateAuthSecret } from './auth-secret';
import { defaultDataDir } from './cache-paths';
import { startEmbeddedPostgres } from './embedded-postgres';
import { assertPortFree, portFromEnv } from './ports';
import { resolveTemporalCli } from './temporal-cli';
import { registerSearchAttributes, startTemporalDevServer } from './temporal-dev-server';

const log = (msg: string) => console.log(`[duban] ${msg}`);

const DEMO_ACTORS: Actor[] = [
  { id: 'office-demo', name: '安委办 值班员', role: 'office' },
  { id: 'inspector-demo', name: '检查组 组长', role: 'inspector' },
  { id: 'unit-demo', name: '示范建设公司 安全员', role: 'unit', unitId: 'unit-demo' },
  { id: 'auditor-demo', name: '纪委监委 审计员', role: 'auditor' },
];

async function main(): Promise<void> {
  // The SDK's INFO lines (webpack's bundle report, worker state changes) bury the addresses printed below.
  Runtime.install({ logger: new DefaultLogger(process.env.DUBAN_LOG_LEVEL === 'debug' ? 'INFO' : 'WARN') });
  const dataDir = defaultDataDir();
  const stops: Array<() => Promise<unknown>> = [];
  const shutdown = async (code: number) => {
    log('stopping…');
    for (const stop of stops.reverse()) await stop().catch((error) => console.error(error));
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  try {
    const apiPort = portFromEnv('PORT') ?? 3000;
    await assertPortFree(apiPort, 'Duban API', 'PORT');

    let temporalAddress = process.env.TEMPORAL_ADDRESS;
    let namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
    let uiUrl = '(the cluster’s own Web UI)';
    if (temporalAddress) {
      const connection = await Connection.connect({ address: temporalAddress });
      await registerSearchAttributes(connection, namespace);
      await connection.close();
    } else {
      const server = await startTemporalDevServer({ cliPath: await resolveTemporalCli(log), dataDir: path.join(dataDir, 'temporal'), log });
      stops.push(server.stop);
      temporalAddress = server.address;
      namespace = server.namespace;
      uiUrl = server.uiUrl;
    }

    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), log });
      stops.push(pg.stop);
      databaseUrl = pg.url;
    }
    const applied = await runMigrations(databaseUrl);
    log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema up to date');

    log('bundling workflows…');
    const bundlePath = await buildWorkflowBundle();
    const dataSource = await new DataSource(dubanDataSourceOptions(databaseUrl)).initialize();
    stops.push(() => dataSource.destroy());
    const workerConnection = await NativeConnection.connect({ address: temporalAddress });
    stops.push(() => workerConnection.close());
    const clientConnection = await Connection.connect({ address: temporalAddress });
    stops.push(() => clientConnection.close());
    const client = new Client({ connection: clientConnection, namespace });
    const worker = await createDubanWorker({
      connection: workerConnection,
      namespace,
      dataSource,
      client,
      workflowBundle: { codePath: bundlePath },
      maxCachedWorkflows: maxCachedWorkflowsFromEnv(),
    });
    const workerRun = worker.run();
    stops.push(async () => {
      worker.shutdown();
      await workerRun;
    });

    const authSecret = loadOrCreateAuthSecret(dataDir);
    const app = await createApiApp({ databaseUrl, temporal: { address: temporalAddress, namespace }, authSecret });
    await app.listen(apiPort, '127.0.0.1');
    stops.push(() => app.close());

    const apiUrl = `http://127.0.0.1:${apiPort}`;
    console.log(`
Duban 督办 is running.
  API:              ${apiUrl}
  OpenAPI docs:     ${apiUrl}/docs
  Temporal Web UI:  ${uiUrl}
  Temporal:         ${temporalAddress} (namespace ${namespace})
  PostgreSQL:       ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}
  Data directory:   ${dataDir}

Demo bearer tokens (Authorization: Bearer <token>); more with: npm run token -- --role unit --unit <unitId> --name <name>
${DEMO_ACTORS.map((actor) => `  ${actor.role.padEnd(9)} ${signAccessToken(actor, authSecret, '30d')}`).join('\n')}

Ctrl-C stops everything.`);
  } catch (error) {
    console.error(`[duban] start failed: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

void main();
