import { readFileSync, rmSync } from 'node:fs';
import { isPidAlive, signalPid, waitForPidExit, type InfraLog } from './process-utils';

/** A process an earlier run started and recorded in a pid file of this data directory. */
export interface RecordedProcess {
  /** "the API", "PostgreSQL", ... */
  what: string;
  pidFile: string;
  /** The pid the file records (PostgreSQL's postmaster.pid has more lines). */
  readPid?: (text: string) => number | undefined;
  /**
   * Whether a live `pid` is really that process on this data directory (its command line or
   * environment names it): a pid reused by an unrelated process is never signalled.
   */
  isOurs: (pid: number) => boolean;
  /** Polite first (each waits its milliseconds), SIGKILL last. */
  stopSignals: Array<[NodeJS.Signals, number]>;
  /** Remove the pid file once the process is gone (PostgreSQL's own lock is cleared by our start instead). */
  removePidFile?: boolean;
}

export interface LeftoverOutcome {
  what: string;
  pid: number;
  /** 'stopped': we signalled it and it exited; 'gone': it exited on its own; 'not ours': the pid is someone else's now. */
  outcome: 'stopped' | 'gone' | 'not ours' | 'would not stop';
}

const firstLine = (text: string) => {
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);
  return Number.isInteger(pid) ? pid : undefined;
};

/**
 * Stops, one after the other, every recorded process that still runs, using only the pids the
 * files record and only after checking each is what the file says. Call it only when no live
 * run owns the data directory (see claimDataDir).
 */
export async function stopLeftovers(records: RecordedProcess[], log: InfraLog): Promise<LeftoverOutcome[]> {
  const outcomes: LeftoverOutcome[] = [];
  for (const record of records) {
    let text: string;
    try {
      text = readFileSync(record.pidFile, 'utf8');
    } catch {
      continue; // nothing recorded
    }
    const pid = (record.readPid ?? firstLine)(text);
    if (pid === undefined) continue;
    let outcome: LeftoverOutcome['outcome'];
    if (!isPidAlive(pid)) outcome = 'gone';
    else if (!record.isOurs(pid)) outcome = 'not ours';
    else outcome = await stopPid(pid, record.stopSignals);
    if (outcome === 'stopped') log(`Stopped ${record.what} (pid ${pid}) left running by an earlier run`);
    else if (outcome === 'would not stop') log(`${record.what} (pid ${pid}) left by an earlier run did not stop, even after SIGKILL`);
    if (record.removePidFile !== false && outcome !== 'would not stop') rmSync(record.pidFile, { force: true });
    outcomes.push({ what: record.what, pid, outcome });
  }
  return outcomes;
}

async function stopPid(pid: number, steps: Array<[NodeJS.Signals, number]>): Promise<LeftoverOutcome['outcome']> {
  for (const [signal, ms] of [...steps, ['SIGKILL', 5_000] as [NodeJS.Signals, number]]) {
    if (!signalPid(pid, signal)) return 'stopped';
    signalPid(pid, 'SIGCONT'); // a stopped (SIGSTOP, ^Z) process acts on the signal only once continued
    if (await waitForPidExit(pid, ms)) return 'stopped';
  }
  return 'would not stop';
}
