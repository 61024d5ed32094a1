import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../../infra/src';
import { startTemporalServer, type TemporalServer } from '../../infra/src/cluster/temporal-server';
import { resolveTemporalServerBinaries } from '../../infra/src/cluster/temporal-server-binaries';
import { temporalPostgresFromUrl } from '../../infra/src/cluster/temporal-postgres';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from '../../infra/src/embedded-postgres';
import { stopLeftovers } from '../../infra/src/leftovers';
import { isPidAlive, signalPid, waitForPidExit } from '../../infra/src/process-utils';
import { appPidFile, dataDirProcesses } from '../../infra/src/supervisor/data-dir-processes';
import { buildLikeNpmStart, cleanEnv, startSupervisor, type SupervisorRun } from '../infra/supervisor-harness';

const log = (message: string) => console.log(`[faults] ${message}`);

/**
 * The production shape with every part the suite breaks in its own hands: Temporal's PostgreSQL
 * and the ledger's PostgreSQL as two servers (so that stopping the ledger's leaves Temporal
 * running, as on a real site), the full Temporal server on the first, and `npm run start:cluster`
 * (API + two workers, restarted by the supervisor when they die) connected to both from outside.
 * The test, not the supervisor, restarts the Temporal server after its kill -9: with
 * TEMPORAL_ADDRESS set the supervisor only connects, as it would to a site's cluster.
 */
export interface FaultCluster {
  apiUrl: string;
  secret: string;
  namespace: string;
  temporalAddress: string;
  ledgerPort: number;
  /** The ledger's and Temporal's PostgreSQL (for benchmarks that measure what they hold). */
  ledgerUrl: string;
  temporalPostgresUrl: string;
  supervisor: SupervisorRun;
  workerPids(): number[];
  /** The API process's pid (0 while it is down). */
  apiPid(): number;
  temporalPid(): number;
  /** kill -9 of the Temporal server, then (after `downMs`) the same start the supervisor makes; answers when it serves again. */
  killTemporal(downMs: number): Promise<{ killedAt: number; servingAt: number }>;
  /** A real stop of the ledger's PostgreSQL (fast shutdown: SIGINT, as `pg_ctl stop -m fast`), and its start on the same data. */
  stopLedger(): Promise<void>;
  startLedger(): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultCluster(options: { workers: number; env?: NodeJS.ProcessEnv }): Promise<FaultCluster> {
  const binaries = await resolveTemporalServerBinaries(log);
  await buildLikeNpmStart();
  const scratch = mkdtempSync(join(tmpdir(), 'duban-faults-'));
  chmodSync(scratch, 0o755);
  const ports = { temporal: await findFreePort(), temporalPg: await findFreePort(), ledgerPg: await findFreePort() };
  const namespace = 'duban-faults';
  const secret = 'fault-suite-secret';
  const temporalPg = await startEmbeddedPostgres({ dataDir: join(scratch, 'temporal-pg'), port: ports.temporalPg, database: 'postgres' });
  const ledgerOptions = { dataDir: join(scratch, 'ledger-pg'), port: ports.ledgerPg, database: 'duban' };
  let ledger: EmbeddedPostgresServer | undefined = await startEmbeddedPostgres(ledgerOptions);
  const clusterDirs = [temporalPg.clusterDir, ledger.clusterDir];
  const temporalOptions = {
    binaries,
    dir: join(scratch, 'temporal-server'),
    postgres: temporalPostgresFromUrl(temporalPg.url, { ownDatabaseName: false }),
    port: ports.temporal,
    namespace,
    log,
  };
  let temporal: TemporalServer = await startTemporalServer(temporalOptions);
  // Picked once the Temporal server holds its ports (it binds several besides its frontend's): a port picked before could be taken by then.
  const apiPort = await findFreePort();
  const dataDir = join(scratch, 'data');
  const supervisor = startSupervisor(
    {
      ...cleanEnv(),
      PORT: String(apiPort),
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: namespace,
      DATABASE_URL: ledger.url,
      DUBAN_DATA_DIR: dataDir,
      DUBAN_AUTH_SECRET: secret,
      DUBAN_CLUSTER_WORKERS: String(options.workers),
      DUBAN_WORKER_SHUTDOWN_GRACE_MS: '10000',
      DUBAN_REGISTRATION_TIMEOUT_MS: '20000',
      DUBAN_LOG_LEVEL: 'warn',
      NODE_OPTIONS: `--require ${join(__dirname, 'fault-worker-preload.cjs')}`,
      DUBAN_FAULT_DIE_AFTER_COMMIT_DIR: scratch,
      ...options.env,
    },
    { args: ['--cluster'] },
  );
  await supervisor.running();
  const readPid = (file: string) => Number(existsSync(file) ? readFileSync(file, 'utf8').trim() : 0);
  return {
    apiUrl: `http://127.0.0.1:${apiPort}`,
    secret,
    namespace,
    temporalAddress: temporal.address,
    ledgerPort: ports.ledgerPg,
    ledgerUrl: ledger.url,
    temporalPostgresUrl: temporalPg.url,
    supervisor,
    workerPids: () => Array.from({ length: options.workers }, (_, i) => readPid(appPidFile(dataDir, `worker-${i + 1}`))).filter(isPidAlive),
    apiPid: () => [readPid(appPidFile(dataDir, 'api'))].filter(isPidAlive)[0] ?? 0,
    temporalPid: () => temporal.pid,
    async killTemporal(downMs) {
      const killedAt = Date.now();
      signalPid(temporal.pid, 'SIGKILL');
      await temporal.exited;
      await new Promise((r) => setTimeout(r, downMs));
      temporal = await startTemporalServer(temporalOptions);
      return { killedAt, servingAt: Date.now() };
    },
    async stopLedger() {
      await ledger?.stop();
      ledger = undefined;
    },
    async startLedger() {
      ledger = await startEmbeddedPostgres(ledgerOptions);
    },
    async close() {
      if (isPidAlive(supervisor.pid())) signalPid(supervisor.pid(), 'SIGTERM');
      if (!(await waitForPidExit(supervisor.pid(), 60_000))) signalPid(supervisor.pid(), 'SIGKILL');
      await stopLeftovers(dataDirProcesses(dataDir), () => undefined);
      await temporal.stop().catch(() => undefined);
      await ledger?.stop().catch(() => undefined);
      await temporalPg.stop().catch(() => undefined);
      // As root the clusters live where the postgres user reaches them (symlinked from here): remove both ends.
      for (const dir of clusterDirs)
        if (!dir.startsWith(scratch)) for (const path of [dir, `${dir}.owner`]) rmSync(path, { recursive: true, force: true });
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
