/**
 * `npm start`: a supervisor. It starts (or connects to) Temporal and PostgreSQL, runs the
 * migrations, then runs the API and the worker as their own processes. With `--cluster`
 * (`npm run start:cluster`) the same supervisor runs the production shape: the full Temporal
 * server on PostgreSQL and DUBAN_CLUSTER_WORKERS worker processes — the same compiled
 * entry points a deployment runs, configured the same way: by environment variables. Ctrl-C
 * (or SIGTERM) stops it all in reverse order. Its children die with it even on kill -9 (Linux
 * parent-death signal); whatever still runs is recognised and stopped by the next start.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { runMigrations } from '@duban/persistence';
import { loadOrCreateAuthSecret } from './auth-secret';
import { startEmbeddedPostgres } from './embedded-postgres';
import { stopLeftovers } from './leftovers';
import { describeExit, setprivHasPdeathsig, type ProcessExit } from './owned-process';
import { assertPortFree } from './ports';
import { startAppProcess, waitUntilReady, type AppProcess } from './supervisor/app-process';
import { compiledApps } from './supervisor/compiled-apps';
import { appPidFile, claimDataDir, dataDirProcesses, workerStopGraceMs } from './supervisor/data-dir-processes';
import { apiAnswers, workerPolls } from './supervisor/readiness';
import { appEnvironment, resolveStartSettings, type StartSettings } from './supervisor/start-settings';
import { startOrConnectTemporal } from './supervisor/temporal-part';
import { superviseWorker, workerSlots } from './supervisor/worker-processes';

const log = (msg: string) => console.log(`[duban] ${msg}`);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

const stops: Array<() => Promise<unknown>> = [];
let shuttingDown = false;

async function shutdown(code: number, reason?: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  if (reason) log(reason);
  log('stopping…');
  for (const stop of stops.reverse()) await stop().catch((error) => console.error(`[duban] while stopping: ${message(error)}`));
  process.exit(code);
}

async function main(): Promise<void> {
  // `on`, not `once`: a handler must stay registered, or the servers' signal safety net (see
  // holdSignalSafetyNet) finds nobody handling the signal and exits at once, without the orderly stop.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0, `${signal} received`));
  process.on('uncaughtException', (error) => void shutdown(1, `unexpected error: ${error.stack ?? message(error)}`));
  process.on('unhandledRejection', (error) => void shutdown(1, `unexpected error: ${error instanceof Error ? error.stack : String(error)}`));
  stopWhenNpmIsGone();

  try {
    const settings = resolveStartSettings(process.env, process.argv.includes('--cluster') ? 'cluster' : 'single');
    const claim = claimDataDir(settings.dataDir);
    stops.push(async () => claim.release());
    await cleanUpAfterEarlierRun(settings.dataDir, claim.previousPid);
    if (!setprivHasPdeathsig())
      log('util-linux `setpriv --pdeathsig` is not available: if this supervisor is killed, its parts keep running until the next start stops them');
    await assertPortFree(settings.apiPort, 'Duban API', 'PORT');

    // The full server keeps its state in PostgreSQL, so PostgreSQL comes first there; the dev
    // server first otherwise (as `npm start` always did).
    const serverOnPostgres = !settings.temporal.external && settings.temporal.kind === 'server';
    let databaseUrl = serverOnPostgres ? await startOrUsePostgres(settings) : '';
    const temporal = await startOrConnectTemporal(settings, databaseUrl, stops, log);
    if (!serverOnPostgres) databaseUrl = await startOrUsePostgres(settings);
    if (temporal.exited) void temporal.exited.then(() => shutdown(1, `Temporal exited (see ${temporal.logFile}): stopping everything`));
    const applied = await runMigrations(databaseUrl);
    log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema up to date');

    const authSecret = loadOrCreateAuthSecret(settings.dataDir);
    const env = appEnvironment(process.env, settings, { temporalAddress: temporal.address, namespace: temporal.namespace, databaseUrl, authSecret });
    const apps = compiledApps(__dirname);
    const start = (name: string, script: string, graceMs: number): AppProcess => {
      const app = startAppProcess({ name, script, nodeArgs: apps.nodeArgs, env, pidFile: appPidFile(settings.dataDir, name), cwd: process.cwd() });
      stops.push(() => app.stop(graceMs));
      return app;
    };
    const fatal = (app: AppProcess, exit: ProcessExit) =>
      void shutdown(1, `the ${app.name} process exited (${describeExit(exit)}): stopping everything`);
    const workers = workerSlots(settings, env).map((slot) => {
      const pidFile = appPidFile(settings.dataDir, slot.name);
      const worker = superviseWorker(
        slot,
        { script: apps.worker, nodeArgs: apps.nodeArgs, pidFile, cwd: process.cwd() },
        settings.topology === 'cluster',
        fatal,
        log,
      );
      stops.push(() => worker.stop(workerStopGraceMs(env)));
      return worker;
    });
    const api = start('api', apps.api, 10_000);
    const apiUrl = `http://${reachableHost(env.HOST!)}:${settings.apiPort}`;
    await Promise.all([
      ...workers.map(({ slot, current }) =>
        waitUntilReady(
          current(),
          () => workerPolls(temporal.connection, temporal.namespace, { pid: current().pid, identity: slot.identity }, env),
          120_000,
          'polling Temporal',
        ),
      ),
      waitUntilReady(api, () => apiAnswers(apiUrl), 120_000, `answering on ${apiUrl}`),
    ]);
    for (const worker of workers) worker.arm();
    void api.exited.then((exit) => fatal(api, exit));

    const tokens = await promisify(execFile)(process.execPath, [...apps.nodeArgs, apps.tokenTool, '--demo'], { env });
    console.log(`
Duban 督办 is running.
  API:              ${apiUrl}
  Workspace 工作台:  ${apiUrl}/workspace/
  OpenAPI docs:     ${apiUrl}/docs
  Temporal Web UI:  ${temporal.uiUrl}
  Temporal:         ${temporal.address} (namespace ${temporal.namespace}; ${temporal.description})
  PostgreSQL:       ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}
  Data directory:   ${settings.dataDir}
  Processes:        supervisor ${process.pid}, API ${api.pid}, ${workers.map((w) => `worker ${w.current().pid}`).join(', ')}

Demo bearer tokens (Authorization: Bearer <token>); more with: npm run token -- --role unit --unit <unitId> --name <name>
${tokens.stdout.trimEnd().replace(/^/gm, '  ')}

Ctrl-C stops everything.`);
  } catch (error) {
    console.error(`[duban] start failed: ${message(error)}`);
    await shutdown(1);
  }
}

/** Stops what an earlier run on this data directory left running (only pids recorded there). */
async function cleanUpAfterEarlierRun(dataDir: string, previousPid: number | undefined): Promise<void> {
  if (previousPid !== undefined && previousPid !== process.pid) {
    log(`The previous run on ${dataDir} (pid ${previousPid}) ended without stopping its parts (was it killed?): checking what it left`);
  }
  const outcomes = await stopLeftovers(dataDirProcesses(dataDir), log);
  const stuck = outcomes.filter((o) => o.outcome === 'would not stop');
  if (stuck.length > 0) throw new Error(`${stuck.map((o) => `${o.what} (pid ${o.pid})`).join(', ')} left by an earlier run would not stop`);
  if (previousPid !== undefined && !outcomes.some((o) => o.outcome === 'stopped')) log('  nothing it started was still running');
}

async function startOrUsePostgres(settings: StartSettings): Promise<string> {
  const p = settings.postgres;
  if (p.external) return p.url;
  const pg = await startEmbeddedPostgres({ dataDir: p.dataDir, port: p.port, log });
  stops.push(pg.stop);
  void pg.exited.then(() => shutdown(1, `PostgreSQL exited (see ${pg.logFile}): stopping everything`));
  return pg.url;
}

/** Where the supervisor itself reaches an API listening on `host`. */
function reachableHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
}

/**
 * `npm start` execs this process, so npm is its parent: when npm is killed (kill -9 of "the
 * npm start process") the supervisor is re-parented, notices, and stops in order.
 */
function stopWhenNpmIsGone(): void {
  if (!process.env.npm_lifecycle_event) return;
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown(0, `npm (pid ${parent}) is gone`);
  }, 1_000).unref();
}

void main();
