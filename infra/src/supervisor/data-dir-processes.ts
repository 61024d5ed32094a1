import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { existingClusterDir, isPostgresOn, postmasterPidFile, readPostmasterPid } from '../embedded-postgres';
import type { RecordedProcess } from '../leftovers';
import { isPidAlive, processCommandLine, processEnvironment } from '../process-utils';
import { isTemporalDevServerOn, temporalPidFile } from '../temporal-dev-server';
import { isTemporalServerOn, temporalServerPidFile } from '../cluster/temporal-server';

/** The supervisor's own pid file: one `npm start` per data directory. */
export const supervisorPidFile = (dataDir: string) => join(dataDir, 'duban.pid');
/** `app`: "api", "worker" (npm start's one worker) or "worker-<n>" (the cluster's). */
export const appPidFile = (dataDir: string, app: string) => join(dataDir, `${app}.pid`);

const SUPERVISOR_SCRIPT = join('infra', 'src', 'start.js');

/**
 * Records this process as the data directory's supervisor. Refuses when another live
 * supervisor holds it. Returns the pid of an earlier supervisor that died without cleaning up
 * (its leftovers are then ours to stop), or undefined.
 */
export function claimDataDir(dataDir: string): { previousPid: number | undefined; release(): void } {
  mkdirSync(dataDir, { recursive: true });
  const file = supervisorPidFile(dataDir);
  let previousPid: number | undefined = Number.parseInt(readText(file), 10);
  if (!Number.isInteger(previousPid)) previousPid = undefined;
  if (
    previousPid !== undefined &&
    previousPid !== process.pid &&
    isPidAlive(previousPid) &&
    processCommandLine(previousPid).includes(SUPERVISOR_SCRIPT)
  ) {
    throw new Error(
      `Duban is already running on ${dataDir} (pid ${previousPid}): stop it first (Ctrl-C in its terminal, or \`kill ${previousPid}\`), ` +
        'or give this start its own DUBAN_DATA_DIR.',
    );
  }
  writeFileSync(file, `${process.pid}\n`);
  return {
    previousPid,
    release() {
      if (Number.parseInt(readText(file), 10) === process.pid) rmSync(file, { force: true });
    },
  };
}

/**
 * Every process a run on `dataDir` starts, by the pid file it is recorded in, with the check
 * that a live pid is still that process on this data directory.
 */
export function dataDirProcesses(dataDir: string): RecordedProcess[] {
  const appProcess = (file: string, app: 'api' | 'worker', what: string, graceMs: number): RecordedProcess => ({
    what,
    pidFile: appPidFile(dataDir, file),
    isOurs: (pid) =>
      processCommandLine(pid).includes(join('apps', app, 'src', 'main.js')) && processEnvironment(pid).includes(`DUBAN_DATA_DIR=${dataDir}`),
    stopSignals: [['SIGTERM', graceMs]],
  });
  // However many workers the earlier run had: every worker pid file there.
  const workerFiles = listDir(dataDir).flatMap((name) => /^(worker(-\d+)?)\.pid$/.exec(name)?.[1] ?? []);
  const temporalDir = join(dataDir, 'temporal');
  const serverDir = join(dataDir, 'temporal-server');
  const records: RecordedProcess[] = [
    appProcess('api', 'api', 'the API', 10_000),
    ...workerFiles.map((file) => appProcess(file, 'worker', file === 'worker' ? 'the worker' : `the ${file} process`, workerStopGraceMs())),
    {
      what: 'the Temporal dev server',
      pidFile: temporalPidFile(temporalDir),
      isOurs: (pid) => isTemporalDevServerOn(pid, temporalDir),
      stopSignals: [['SIGTERM', 10_000]],
    },
    {
      what: 'the Temporal server',
      pidFile: temporalServerPidFile(serverDir),
      isOurs: (pid) => isTemporalServerOn(pid, serverDir),
      stopSignals: [['SIGTERM', 15_000]],
    },
  ];
  const clusterDir = existingClusterDir(join(dataDir, 'postgres'));
  if (clusterDir) {
    records.push({
      what: 'PostgreSQL',
      pidFile: postmasterPidFile(clusterDir),
      readPid: () => readPostmasterPid(clusterDir),
      isOurs: (pid) => isPostgresOn(pid, clusterDir),
      // Fast shutdown, then immediate (recovers from the WAL on the next start).
      stopSignals: [
        ['SIGINT', 10_000],
        ['SIGQUIT', 5_000],
      ],
      removePidFile: false,
    });
  }
  return records;
}

/**
 * How long a worker gets after SIGTERM: its own shutdown grace (DUBAN_WORKER_SHUTDOWN_GRACE_MS,
 * which lets activities in flight finish) plus 5 s to close its connections.
 */
export function workerStopGraceMs(env: NodeJS.ProcessEnv = process.env): number {
  const grace = Number(env.DUBAN_WORKER_SHUTDOWN_GRACE_MS?.trim() || '10000');
  return (Number.isFinite(grace) && grace >= 0 ? grace : 10_000) + 5_000;
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}
