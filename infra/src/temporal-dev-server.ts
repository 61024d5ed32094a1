import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
// Deep import: the SDK's index does not re-export this encoder (no "exports" map, so it resolves).
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
// Relative on purpose: workflows/src/index.ts (the @duban/workflows alias) may not exist yet.
import { customSearchAttributes, searchAttributeCliFlags } from '../../workflows/src/search-attributes';
import { assertPortFree, portFromEnv } from './ports';
import { holdSignalSafetyNet, isPidAlive, noLog, readFileSafe, settlesWithin, sleep, tailFile, type InfraLog } from './process-utils';

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

  mkdirSync(opts.dataDir, { recursive: true });
  // A server orphaned by a killed parent keeps the port and the db: name it precisely.
  const pidFile = join(opts.dataDir, 'temporal.pid');
  const previousPid = Number.parseInt(readFileSafe(pidFile), 10);
  if (isPidAlive(previousPid) && readFileSafe(`/proc/${previousPid}/cmdline`).includes('start-dev')) {
    throw new Error(
      `A Temporal dev server from an earlier run (pid ${previousPid}) is still running on ${opts.dataDir}: ` +
        `stop it with \`kill ${previousPid}\` and start again.`,
    );
  }
  await assertPortFree(port, 'Temporal frontend', 'TEMPORAL_PORT');
  if (!headless) await assertPortFree(uiPortNumber, 'Temporal Web UI', 'TEMPORAL_UI_PORT');

  const dbFile = join(opts.dataDir, 'temporal.db');
  const logFile = join(opts.dataDir, 'temporal.log');
  // The server's own output goes straight to a file (fd handed to the child), so it keeps
  // logging even when this process is busy, and a failure can quote the tail.
  const logStart = fileSize(logFile);
  const logFd = openSync(logFile, 'a');
  writeSync(logFd, `\n=== ${new Date().toISOString()} temporal server start-dev (port ${port}) ===\n`);

  const args = [
    'server', 'start-dev',
    '--db-filename', dbFile,
    '--ip', '127.0.0.1',
    '--port', String(port),
    ...(headless ? ['--headless'] : ['--ui-port', String(uiPort)]),
    // "default" always exists; asking to create it again is redundant.
    ...(namespace === 'default' ? [] : ['--namespace', namespace]),
    '--log-level', 'warn',
    ...searchAttributeCliFlags(),
  ];
  const started = Date.now();
  log(`Starting Temporal dev server on 127.0.0.1:${port} (db ${dbFile}, log ${logFile})`);
  let child: ChildProcess;
  try {
    child = spawn(opts.cliPath, args, { stdio: ['ignore', logFd, logFd] });
  } finally {
    closeSync(logFd); // the child holds its own copy
  }
  if (child.pid !== undefined) writeFileSync(pidFile, String(child.pid));
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let spawnError: Error | undefined;
  const exitPromise = new Promise<void>((resolvePromise) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      rmSync(pidFile, { force: true });
      resolvePromise();
    });
    child.once('error', (err) => {
      spawnError = err;
      exited ??= { code: null, signal: null };
      resolvePromise();
    });
  });
  // If this process exits without calling stop(), do not leave the server holding the port.
  const onExit = () => {
    if (!exited) child.kill('SIGTERM');
  };
  process.once('exit', onExit);
  const releaseSafetyNet = holdSignalSafetyNet();

  const stop = async (): Promise<void> => {
    process.removeListener('exit', onExit);
    releaseSafetyNet();
    if (exited) return;
    child.kill('SIGTERM');
    const exitedInTime = await settlesWithin(exitPromise, 10_000);
    if (!exitedInTime && !exited) {
      log(`Temporal dev server (pid ${child.pid}) ignored SIGTERM for 10 s: sending SIGKILL`);
      child.kill('SIGKILL');
      await settlesWithin(exitPromise, 5_000);
    }
  };

  const address = `127.0.0.1:${port}`;
  const failure = (what: string) =>
    new Error(
      `Temporal dev server ${what}. Command: ${opts.cliPath} ${args.join(' ')}\n` +
        `Last lines of ${logFile}:\n${tailFile(logFile, 30, logStart) || '(empty)'}`,
    );
  try {
    const connection = await waitUntilServing(address, namespace, readyTimeoutMs, exitPromise, () => exited !== undefined);
    if (spawnError) throw new Error(`Could not run the Temporal CLI at ${opts.cliPath}: ${spawnError.message}`);
    if (!connection) {
      throw failure(
        exited
          ? `exited early (${exited.signal ?? `code ${exited.code}`})`
          : `did not answer on ${address} within ${Math.round(readyTimeoutMs / 1000)} s`,
      );
    }
    try {
      const added = await registerSearchAttributes(connection, namespace);
      if (added.length) log(`Registered missing search attributes on "${namespace}": ${added.join(', ')}`);
    } finally {
      await connection.close();
    }
  } catch (err) {
    await stop();
    if (spawnError) throw new Error(`Could not run the Temporal CLI at ${opts.cliPath}: ${spawnError.message}`);
    throw err;
  }
  log(`Temporal dev server ready on ${address} in ${Date.now() - started} ms`);
  return {
    address,
    namespace,
    uiUrl: headless ? '' : `http://127.0.0.1:${uiPort}`,
    pid: child.pid ?? -1,
    logFile,
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
      attempt.then((c) => c.close(), () => undefined); // do not leak a late connection
      return undefined;
    }
    if (outcome.connection) return outcome.connection;
    await sleep(250);
  }
  return undefined;
}

/**
 * Makes sure every Duban custom search attribute exists on `namespace` (adds the missing
 * ones; throws if one exists with another type). Needed because an older temporal.db may
 * predate a newly declared attribute, and for servers we did not start ourselves.
 * Returns the names it added.
 */
export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<string[]> {
  const wanted = customSearchAttributes.map((key) => ({
    name: key.name,
    type: key.type,
    indexed: encodeSearchAttributeIndexedValueType(key.type)!,
  }));
  // Right after a namespace is created the operator calls can fail for ~1 s: retry briefly.
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      let existing: Record<string, number> | undefined;
      try {
        const res = await connection.operatorService.listSearchAttributes({ namespace });
        existing = res.customAttributes as Record<string, number>;
      } catch (err) {
        // The Java test server does not implement listing: fall through and add them all.
        if (grpcCode(err) !== 12 /* UNIMPLEMENTED */) throw err;
      }
      const mismatched = wanted.filter((w) => existing?.[w.name] !== undefined && existing[w.name] !== w.indexed);
      if (mismatched.length) {
        throw new NonRetryable(
          `Search attribute type mismatch on namespace "${namespace}": ` +
            mismatched.map((m) => `${m.name} should be ${m.type} but the server has type #${existing![m.name]}`).join('; ') +
            '. A search attribute cannot change type: use a fresh Temporal data dir or rename the attribute.',
        );
      }
      const missing = wanted.filter((w) => existing?.[w.name] === undefined);
      if (!missing.length) return [];
      try {
        await connection.operatorService.addSearchAttributes({
          namespace,
          searchAttributes: Object.fromEntries(missing.map((m) => [m.name, m.indexed])),
        });
      } catch (err) {
        if (existing !== undefined || grpcCode(err) !== 6 /* ALREADY_EXISTS */) throw err;
        return [];
      }
      return missing.map((m) => m.name);
    } catch (err) {
      if (err instanceof NonRetryable || Date.now() > deadline) {
        if (err instanceof NonRetryable) throw new Error(err.message);
        throw new Error(
          `Could not register search attributes on namespace "${namespace}": ${(err as Error).message}`,
        );
      }
      await sleep(500);
    }
  }
}

class NonRetryable extends Error {}

function grpcCode(err: unknown): number | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}


function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
