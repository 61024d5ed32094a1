import { closeSync, mkdirSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
// Relative on purpose: workflows/src/index.ts (the @duban/workflows alias) may not exist yet.
import { searchAttributeCliFlags } from '../../workflows/src/search-attributes';
import { describeExit, spawnOwned, type OwnedProcess } from './owned-process';
import { assertPortFree, portFromEnv } from './ports';
import { holdSignalSafetyNet, isPidAlive, noLog, processCommandLine, readFileSafe, sleep, tailFile, type InfraLog } from './process-utils';
import { registerSearchAttributes } from './temporal-search-attributes';

export interface TemporalDevServerOptions {
  /** Path to the `temporal` CLI (see resolveTemporalCli). */
  cliPath: string;
  /** Directory for temporal.db (SQLite, persists across restarts) and temporal.log. */
  dataDir: string;
  /** Frontend gRPC port. Default: $TEMPORAL_PORT or 7233. */
  port?: number;
  /** Web UI port. Default: $TEMPORAL_UI_PORT or port + 1000. 0 or null: no UI (--headless). */
  uiPort?: number | null;
  /** Namespace to create and check. Default: $TEMPORAL_NAMESPACE or "default". */
  namespace?: string;
  /** How long to wait for the first successful call. Default 60 s. */
  readyTimeoutMs?: number;
  log?: InfraLog;
}

export interface TemporalDevServer {
  /** host:port for Connection.connect / NativeConnection.connect. */
  address: string;
  namespace: string;
  /** http://127.0.0.1:<uiPort>, or '' when headless. */
  uiUrl: string;
  pid: number;
  logFile: string;
  /** Resolves when the server process has exited, for whatever reason. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts `temporal server start-dev` on a SQLite file in `dataDir` and resolves once
 * the frontend answers a real call and Duban's search attributes are registered.
 */
export async function startTemporalDevServer(opts: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const log = opts.log ?? noLog;
  const port = opts.port ?? portFromEnv('TEMPORAL_PORT') ?? 7233;
  const uiPort = opts.uiPort === undefined ? (portFromEnv('TEMPORAL_UI_PORT') ?? port + 1000) : opts.uiPort;
  const uiPortNumber = uiPort ?? 0;
  const headless = uiPortNumber === 0;
  const namespace = opts.namespace ?? process.env.TEMPORAL_NAMESPACE ?? 'default';
  const readyTimeoutMs = opts.readyTimeoutMs ?? 60_000;
  const dataDir = resolve(opts.dataDir);

  mkdirSync(dataDir, { recursive: true });
  // A server orphaned by a killed parent keeps the port and the db: name it precisely.
  const pidFile = temporalPidFile(dataDir);
  const previousPid = Number.parseInt(readFileSafe(pidFile), 10);
  if (isTemporalDevServerOn(previousPid, dataDir)) {
    throw new Error(
      `A Temporal dev server (pid ${previousPid}) is still running on ${dataDir}. If an earlier \`npm start\` was killed, ` +
        `the next \`npm start\` stops it by itself; otherwise stop it with \`kill ${previousPid}\`.`,
    );
  }
  await assertPortFree(port, 'Temporal frontend', 'TEMPORAL_PORT');
  if (!headless) await assertPortFree(uiPortNumber, 'Temporal Web UI', 'TEMPORAL_UI_PORT');

  const dbFile = join(dataDir, 'temporal.db');
  const logFile = join(dataDir, 'temporal.log');
  // The server's own output goes straight to a file (fd handed to the child), so it keeps
  // logging even when this process is busy, and a failure can quote the tail.
  const logStart = fileSize(logFile);
  const logFd = openSync(logFile, 'a');
  writeSync(logFd, `\n=== ${new Date().toISOString()} temporal server start-dev (port ${port}) ===\n`);

  const args = [
    'server',
    'start-dev',
    '--db-filename',
    dbFile,
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    ...(headless ? ['--headless'] : ['--ui-port', String(uiPort)]),
    // "default" always exists; asking to create it again is redundant.
    ...(namespace === 'default' ? [] : ['--namespace', namespace]),
    '--log-level',
    'warn',
    ...searchAttributeCliFlags(),
  ];
  const started = Date.now();
  log(`Starting Temporal dev server on 127.0.0.1:${port} (db ${dbFile}, log ${logFile})`);
  let child: OwnedProcess;
  try {
    child = spawnOwned(opts.cliPath, args, { what: 'the Temporal CLI', stdio: ['ignore', logFd, logFd], deathSignal: 'SIGTERM' });
  } finally {
    closeSync(logFd); // the child holds its own copy
  }
  if (child.pid > 0) writeFileSync(pidFile, String(child.pid));
  const exitPromise = child.exited.then(() => {
    rmSync(pidFile, { force: true });
  });
  // If this process exits without calling stop(), do not leave the server holding the port.
  const onExit = () => {
    if (!child.exit() && child.pid > 0) process.kill(child.pid, 'SIGTERM');
  };
  process.once('exit', onExit);
  const releaseSafetyNet = holdSignalSafetyNet();

  const stop = async (): Promise<void> => {
    process.removeListener('exit', onExit);
    releaseSafetyNet();
    const stopped = await child.stop([
      ['SIGTERM', 10_000],
      ['SIGKILL', 5_000],
    ]);
    if (stopped) await exitPromise;
    else log(`Temporal dev server (pid ${child.pid}) did not exit after SIGTERM and SIGKILL`);
  };

  const address = `127.0.0.1:${port}`;
  const failure = (what: string) =>
    new Error(
      `Temporal dev server ${what}. Command: ${opts.cliPath} ${args.join(' ')}\n` +
        `Last lines of ${logFile}:\n${tailFile(logFile, 30, logStart) || '(empty)'}`,
    );
  try {
    const connection = await waitUntilServing(address, namespace, readyTimeoutMs, exitPromise, () => child.exit() !== undefined);
    const exit = child.exit();
    if (exit?.error) throw exit.error;
    if (!connection) {
      throw failure(exit ? `exited early (${describeExit(exit)})` : `did not answer on ${address} within ${Math.round(readyTimeoutMs / 1000)} s`);
    }
    try {
      const added = await registerSearchAttributes(connection, namespace);
      if (added.length) log(`Registered missing search attributes on "${namespace}": ${added.join(', ')}`);
    } finally {
      await connection.close();
    }
  } catch (err) {
    await stop();
    throw err;
  }
  log(`Temporal dev server ready on ${address} in ${Date.now() - started} ms`);
  return {
    address,
    namespace,
    uiUrl: headless ? '' : `http://127.0.0.1:${uiPort}`,
    pid: child.pid,
    logFile,
    exited: exitPromise,
    stop,
  };
}

/**
 * Polls until a real workflow-service call succeeds: the frontend may accept connections
 * (and `cluster health` say SERVING) before it serves namespace calls.
 * Returns undefined on timeout or as soon as the process exits (each attempt races `exited`).
 */
async function waitUntilServing(
  address: string,
  namespace: string,
  timeoutMs: number,
  exited: Promise<void>,
  hasExited: () => boolean,
): Promise<Connection | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !hasExited()) {
    const attempt = (async () => {
      const connection = await Connection.connect({ address, connectTimeout: '2s' });
      try {
        await connection.workflowService.countWorkflowExecutions({ namespace });
        return connection;
      } catch (err) {
        await connection.close().catch(() => undefined);
        throw err;
      }
    })();
    const outcome = await Promise.race([
      attempt.then(
        (connection) => ({ connection }),
        () => ({ connection: undefined }),
      ),
      exited.then(() => 'exited' as const),
    ]);
    if (outcome === 'exited') {
      attempt.then(
        (c) => c.close(),
        () => undefined,
      ); // do not leak a late connection
      return undefined;
    }
    if (outcome.connection) return outcome.connection;
    await sleep(250);
  }
  return undefined;
}

/** Where a dev server started on `dataDir` records its pid. */
export function temporalPidFile(dataDir: string): string {
  return join(dataDir, 'temporal.pid');
}

/**
 * True when `pid` is a dev server on exactly this data dir: its command line names the
 * SQLite file there (a reused pid, or a server on another dir, does not count).
 */
export function isTemporalDevServerOn(pid: number, dataDir: string): boolean {
  if (!isPidAlive(pid)) return false;
  const cmdline = processCommandLine(pid);
  return cmdline.includes('start-dev') && cmdline.includes(join(dataDir, 'temporal.db'));
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
