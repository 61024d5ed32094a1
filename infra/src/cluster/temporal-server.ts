import { closeSync, mkdirSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { describeExit, spawnOwned, type OwnedProcess } from '../owned-process';
import { assertPortFree } from '../ports';
import { holdSignalSafetyNet, isPidAlive, noLog, processCommandLine, readFileSafe, sleep, tailFile, type InfraLog } from '../process-utils';
import { registerSearchAttributes } from '../temporal-search-attributes';
import { ensureNamespace } from './temporal-namespace';
import type { TemporalPostgres } from './temporal-postgres';
import { setupTemporalSchemas } from './temporal-schema';
import type { TemporalServerBinaries } from './temporal-server-binaries';
import { temporalDynamicConfig, temporalServerConfig, type TemporalServerPorts } from './temporal-server-config';
import { chooseServerPorts } from './temporal-server-ports';

export interface TemporalServerOptions {
  binaries: TemporalServerBinaries;
  /** Where the generated config, the log, the pid and the chosen ports live (not the data: that is in PostgreSQL). */
  dir: string;
  postgres: TemporalPostgres;
  /** The frontend's gRPC port; the other eight are chosen free. */
  port: number;
  namespace: string;
  /** For the first successful call after the process starts. Default 60 s. */
  readyTimeoutMs?: number;
  log?: InfraLog;
}

export interface TemporalServer {
  /** host:port of the frontend. */
  address: string;
  namespace: string;
  ports: TemporalServerPorts;
  pid: number;
  logFile: string;
  exited: Promise<void>;
  stop(): Promise<void>;
}

const CONFIG_ENV = 'duban';

/**
 * The full Temporal server (go.temporal.io/server, every service in one process) on PostgreSQL:
 * schemas set up or updated by the SQL tool, config generated, server started, then ready only
 * once a real call succeeds, the namespace exists and Duban's search attributes are registered.
 */
export async function startTemporalServer(opts: TemporalServerOptions): Promise<TemporalServer> {
  const log = opts.log ?? noLog;
  const dir = resolve(opts.dir);
  mkdirSync(join(dir, 'config'), { recursive: true });
  const pidFile = temporalServerPidFile(dir);
  const previousPid = Number.parseInt(readFileSafe(pidFile), 10);
  if (isTemporalServerOn(previousPid, dir)) {
    throw new Error(
      `A Temporal server (pid ${previousPid}) is still running on ${dir}. If an earlier \`npm run start:cluster\` was killed, ` +
        `the next one stops it by itself; otherwise stop it with \`kill ${previousPid}\`.`,
    );
  }
  await assertPortFree(opts.port, 'Temporal frontend', 'TEMPORAL_PORT');
  await setupTemporalSchemas(opts.binaries.sqlTool, opts.postgres, log);

  const ports = await chooseServerPorts(opts.port, join(dir, 'ports.json'));
  const dynamicConfigFile = join(dir, 'dynamic-config.yaml');
  writeFileSync(dynamicConfigFile, `${JSON.stringify(temporalDynamicConfig(), null, 2)}\n`);
  // Holds the database password: readable by this user only.
  writeFileSync(
    join(dir, 'config', `${CONFIG_ENV}.yaml`),
    `${JSON.stringify(temporalServerConfig({ ports, postgres: opts.postgres, dynamicConfigFile }), null, 2)}\n`,
    {
      mode: 0o600,
    },
  );

  const logFile = join(dir, 'temporal-server.log');
  const logStart = fileSize(logFile);
  const logFd = openSync(logFile, 'a');
  writeSync(logFd, `\n=== ${new Date().toISOString()} temporal-server start (frontend ${opts.port}) ===\n`);
  const args = ['--root', dir, '--config', 'config', '--env', CONFIG_ENV, '--allow-no-auth', 'start'];
  const started = Date.now();
  log(`Starting the Temporal server on 127.0.0.1:${opts.port} (PostgreSQL ${opts.postgres.host}:${opts.postgres.port}, log ${logFile})`);
  let child: OwnedProcess;
  try {
    child = spawnOwned(opts.binaries.server, args, { what: 'the Temporal server', stdio: ['ignore', logFd, logFd], deathSignal: 'SIGTERM' });
  } finally {
    closeSync(logFd);
  }
  if (child.pid > 0) writeFileSync(pidFile, String(child.pid));
  const exited = child.exited.then(() => rmSync(pidFile, { force: true }));
  const onExit = () => {
    if (!child.exit() && child.pid > 0) process.kill(child.pid, 'SIGTERM');
  };
  process.once('exit', onExit);
  const releaseSafetyNet = holdSignalSafetyNet();
  const stop = async (): Promise<void> => {
    process.removeListener('exit', onExit);
    releaseSafetyNet();
    const stopped = await child.stop([
      ['SIGTERM', 15_000],
      ['SIGKILL', 5_000],
    ]);
    if (stopped) await exited;
    else log(`The Temporal server (pid ${child.pid}) did not exit after SIGTERM and SIGKILL`);
  };

  const address = `127.0.0.1:${opts.port}`;
  const failure = (what: string) =>
    new Error(
      `The Temporal server ${what}. Command: ${opts.binaries.server} ${args.join(' ')}\nLast lines of ${logFile}:\n${tailFile(logFile, 30, logStart) || '(empty)'}`,
    );
  try {
    const connection = await untilCallSucceeds(
      address,
      // The system namespace exists from the first start: a call on it proves the frontend serves.
      (c) => c.workflowService.describeNamespace({ namespace: 'temporal-system' }),
      opts.readyTimeoutMs ?? 60_000,
      child,
    );
    if (!connection) {
      const exit = child.exit();
      throw exit?.error ?? failure(exit ? `exited early (${describeExit(exit)})` : `did not answer on ${address} in time`);
    }
    try {
      if (await ensureNamespace(connection, opts.namespace)) log(`Created namespace "${opts.namespace}"`);
      const added = await registerSearchAttributes(connection, opts.namespace);
      if (added.length) log(`Registered search attributes on "${opts.namespace}": ${added.join(', ')}`);
      // Ready = a real call on Duban's namespace answers (not only `cluster health`).
      const deadline = Date.now() + 30_000;
      for (;;) {
        try {
          await connection.workflowService.countWorkflowExecutions({ namespace: opts.namespace });
          break;
        } catch (error) {
          if (Date.now() > deadline || child.exit()) throw error;
          await sleep(250);
        }
      }
    } finally {
      await connection.close();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  log(`Temporal server ready on ${address} in ${Date.now() - started} ms (pid ${child.pid})`);
  return { address, namespace: opts.namespace, ports, pid: child.pid, logFile, exited, stop };
}

/** Connects and makes `call` until it succeeds; undefined on timeout or once the process exits. */
async function untilCallSucceeds(
  address: string,
  call: (connection: Connection) => Promise<unknown>,
  timeoutMs: number,
  child: OwnedProcess,
): Promise<Connection | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !child.exit()) {
    const connection = await Connection.connect({ address, connectTimeout: '2s' }).catch(() => undefined);
    if (connection) {
      if (
        await call(connection).then(
          () => true,
          () => false,
        )
      )
        return connection;
      await connection.close().catch(() => undefined);
    }
    await sleep(250);
  }
  return undefined;
}

export function temporalServerPidFile(dir: string): string {
  return join(dir, 'temporal-server.pid');
}

/** True when `pid` is a Temporal server started on exactly this folder (a reused pid does not count). */
export function isTemporalServerOn(pid: number, dir: string): boolean {
  if (!isPidAlive(pid)) return false;
  const cmdline = processCommandLine(pid);
  return cmdline.includes('temporal-server') && cmdline.includes(`--root ${dir} `);
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
