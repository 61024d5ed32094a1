import { accessSync, constants, closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { delimiter, join } from 'node:path';

/** Logger used by every infra helper: one line per call. */
export type InfraLog = (msg: string) => void;

export const noLog: InfraLog = () => undefined;

/** True when `path` is a regular file we may execute. */
export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `which` without spawning a shell: the first executable `name` on PATH, or undefined. */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/** File contents, or '' when it cannot be read (missing, no /proc, ...). */
export function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Signal 0 probes without killing; EPERM still means "exists" (owned by another user).
 * A zombie (exited, not yet reaped: this machine's init reaps late) counts as gone.
 */
export function isPidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // /proc/<pid>/stat: "pid (comm) S ..."; comm may hold spaces and parentheses, the state follows the last ')'.
  const stat = readFileSafe(`/proc/${pid}/stat`);
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state !== 'Z' && state !== 'X';
}

/** The process's argv joined by spaces ('' when gone or unreadable). */
export function processCommandLine(pid: number): string {
  return readFileSafe(`/proc/${pid}/cmdline`).split('\0').join(' ').trim();
}

/** The process's environment as NAME=value lines ([] when gone or unreadable). */
export function processEnvironment(pid: number): string[] {
  return readFileSafe(`/proc/${pid}/environ`).split('\0').filter(Boolean);
}

/** Sends `signal` unless the process is already gone; true when it was sent. */
export function signalPid(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Resolves true once `pid` is gone, false when it still runs after `ms`. For processes that are not our children. */
export async function waitForPidExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isPidAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/** Last `lines` lines of a (possibly large) log file, starting no earlier than `fromByte`. */
export function tailFile(path: string, lines = 30, fromByte = 0, maxBytes = 64 * 1024): string {
  try {
    const size = statSync(path).size;
    const start = Math.max(fromByte, size - maxBytes);
    const length = size - start;
    if (length <= 0) return '';
    const fd = openSync(path, 'r');
    try {
      const buf = Buffer.alloc(length);
      readSync(fd, buf, 0, length, start);
      return buf.toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Resolves true if `promise` settles within `ms`, false otherwise. Clears its timer, so a
 * finished stop() does not keep the process alive for the rest of the timeout.
 */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => true,
      ),
      new Promise<boolean>((r) => {
        timer = setTimeout(() => r(false), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const SAFETY_NET_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let safetyNetHolders = 0;
const safetyNetHandlers = new Map<NodeJS.Signals, () => void>();

/**
 * While a server we spawned is running: if a signal arrives and nobody else handles it,
 * exit via process.exit() (as the default action would) so 'exit' hooks run and tell the
 * children to stop — a plain death by signal skips them and orphans the servers, which
 * keep their ports. When the application has its own handler it owns shutdown: do nothing
 * (its handler must be registered with process.on: a `once` handler is gone by the time
 * this one looks).
 * Returns the release function (call it from stop()).
 */
export function holdSignalSafetyNet(): () => void {
  if (safetyNetHolders++ === 0) {
    for (const sig of SAFETY_NET_SIGNALS) {
      const handler = () => {
        if (process.listenerCount(sig) > 1) return;
        process.exit(128 + (osConstants.signals[sig] ?? 0));
      };
      safetyNetHandlers.set(sig, handler);
      process.on(sig, handler);
    }
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--safetyNetHolders === 0) {
      for (const [sig, handler] of safetyNetHandlers) process.removeListener(sig, handler);
      safetyNetHandlers.clear();
    }
  };
}
