import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort, resolveJavaTestServerExecutable, resolveTemporalCli, startEmbeddedPostgres, startTemporalDevServer } from '@duban/infra';
import { runMigrations } from '@duban/persistence';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    temporalNamespace: string;
    databaseUrl: string;
    javaTestServer: string;
    /** Where test/setup/shared-workflow-bundle.ts keeps the run's one workflow bundle. */
    workflowBundleDir: string;
  }
}

const log = (msg: string) => console.log(`[test setup] ${msg}`);

/**
 * Starts the real parts once for the integration suite: a Temporal dev server and an
 * embedded PostgreSQL in a throw-away directory, unless TEMPORAL_ADDRESS / DATABASE_URL
 * point at existing ones; resolves the Java test server for time-skipping tests.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const scratch = mkdtempSync(path.join(tmpdir(), 'duban-test-'));
  // mkdtemp makes it 0700: as root, PostgreSQL runs as OS user "postgres", which must enter it
  // to keep the cluster here (otherwise the cluster is kept under /var/lib/duban and removed below).
  chmodSync(scratch, 0o755);
  const stops: Array<() => Promise<void>> = [];
  const teardown = async () => {
    for (const stop of stops.reverse()) await stop().catch((error) => console.error('[test teardown]', error));
    rmSync(scratch, { recursive: true, force: true });
  };

  // All settled before judging: a part that failed must not leave the others running.
  const settled = await Promise.allSettled([
    resolveJavaTestServerExecutable(log),
    (async () => {
      if (process.env.TEMPORAL_ADDRESS) return { address: process.env.TEMPORAL_ADDRESS, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' };
      const server = await startTemporalDevServer({
        cliPath: await resolveTemporalCli(log),
        dataDir: path.join(scratch, 'temporal'),
        port: await findFreePort(),
        uiPort: 0,
        log,
      });
      stops.push(server.stop);
      return { address: server.address, namespace: server.namespace };
    })(),
    (async () => {
      if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
      const pg = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg'), port: await findFreePort(), log });
      stops.push(async () => {
        await pg.stop();
        if (!pg.clusterDir.startsWith(scratch + path.sep))
          for (const leftover of [pg.clusterDir, `${pg.clusterDir}.owner`]) rmSync(leftover, { recursive: true, force: true });
      });
      return pg.url;
    })(),
  ] as const);
  const failures = settled.flatMap((result) =>
    result.status === 'rejected' ? [result.reason instanceof Error ? result.reason.message : String(result.reason)] : [],
  );
  if (failures.length > 0) {
    await teardown();
    throw new Error(`the test set-up could not start its servers:\n${failures.join('\n')}`);
  }
  const [javaTestServer, temporal, databaseUrl] = settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as [
    string,
    { address: string; namespace: string },
    string,
  ];
  try {
    await runMigrations(databaseUrl);
  } catch (error) {
    await teardown();
    throw error;
  }

  project.provide('temporalAddress', temporal.address);
  project.provide('temporalNamespace', temporal.namespace);
  project.provide('databaseUrl', databaseUrl);
  project.provide('javaTestServer', javaTestServer);
  const workflowBundleDir = path.join(scratch, 'workflow-bundle');
  mkdirSync(workflowBundleDir);
  project.provide('workflowBundleDir', workflowBundleDir);
  process.env.DATABASE_URL = databaseUrl;
  log(`ready in ${Date.now() - started} ms: Temporal ${temporal.address}, PostgreSQL ${databaseUrl}`);

  return teardown;
}
