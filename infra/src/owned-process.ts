import { spawn, spawnSync, type StdioOptions } from 'node:child_process';
import { isExecutableFile, settlesWithin } from './process-utils';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all (ENOENT, EACCES, ...). */
  error?: Error;
}

export interface OwnedProcess {
  pid: number;
  /** Resolves (never rejects) once the process has exited or failed to start. */
  exited: Promise<ProcessExit>;
  /** The exit, once it happened. */
  exit(): ProcessExit | undefined;
  /**
   * Sends each signal in turn, waiting up to its milliseconds for the exit before the next;
   * resolves true when the process is gone.
   */
  stop(steps: Array<[NodeJS.Signals, number]>): Promise<boolean>;
  stdout: NodeJS.ReadableStream | null;
  stderr: NodeJS.ReadableStream | null;
}

export interface OwnedProcessOptions {
  /** Names the process in messages ("PostgreSQL", "the Temporal CLI"). */
  what: string;
  stdio: StdioOptions;
  env?: NodeJS.ProcessEnv;
  /** Default '/': a private working directory must not keep a child running as another user from starting. */
  cwd?: string;
  uid?: number;
  gid?: number;
  /**
   * The signal the child gets when this process dies, however it dies (kill -9 included):
   * Linux's PR_SET_PDEATHSIG, set through util-linux `setpriv --pdeathsig` (which then execs the
   * command, so the pid is the command's own). Without setpriv the child may outlive us: the
   * next start finds it through its pid file.
   */
  deathSignal?: NodeJS.Signals;
}

/**
 * Spawns a long-running child that we own. Every way it can fail to start becomes an
 * `exited` value with a message naming the command, never an unhandled 'error' event.
 */
export function spawnOwned(command: string, args: string[], options: OwnedProcessOptions): OwnedProcess {
  const failedAtOnce = (error: Error): OwnedProcess => {
    const exit: ProcessExit = { code: null, signal: null, error };
    return { pid: -1, exited: Promise.resolve(exit), exit: () => exit, stop: async () => true, stdout: null, stderr: null };
  };
  // setpriv would report a missing binary only as exit code 127: check first, and say which.
  if (!isExecutableFile(command)) return failedAtOnce(new Error(`${options.what}: ${command} does not exist or is not executable`));
  const wrapped = options.deathSignal && setprivHasPdeathsig();
  const [file, argv] = wrapped ? ['setpriv', ['--pdeathsig', options.deathSignal!, '--', command, ...args]] : [command, args];
  let child;
  try {
    child = spawn(file, argv, { stdio: options.stdio, env: options.env, cwd: options.cwd ?? '/', uid: options.uid, gid: options.gid });
  } catch (error) {
    return failedAtOnce(new Error(`${options.what}: could not run ${command}: ${(error as Error).message}`));
  }
  let exit: ProcessExit | undefined;
  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('error', (error) => {
      exit ??= { code: null, signal: null, error: new Error(`${options.what}: could not run ${command}: ${error.message}`) };
      resolve(exit);
    });
    child.once('exit', (code, signal) => {
      exit ??= { code, signal };
      // setpriv's own failures (cannot execute the command: EACCES for the target user, ...) come as 126/127.
      if (wrapped && (code === 126 || code === 127)) {
        exit.error = new Error(`${options.what}: ${command} could not be executed (exit ${code} from setpriv)`);
      }
      resolve(exit);
    });
  });
  const stop = async (steps: Array<[NodeJS.Signals, number]>): Promise<boolean> => {
    for (const [signal, ms] of steps) {
      if (exit) return true;
      try {
        child.kill(signal);
      } catch {
        /* already gone */
      }
      if (await settlesWithin(exited, ms)) return true;
    }
    return exit !== undefined;
  };
  return { pid: child.pid ?? -1, exited, exit: () => exit, stop, stdout: child.stdout, stderr: child.stderr };
}

let pdeathsigSupport: boolean | undefined;

/** True when util-linux `setpriv` is on PATH and knows `--pdeathsig` (2.33+; Debian 12 has 2.38). */
export function setprivHasPdeathsig(): boolean {
  if (pdeathsigSupport === undefined) {
    const probe = spawnSync('setpriv', ['--help'], { encoding: 'utf8' });
    pdeathsigSupport = !probe.error && `${probe.stdout}${probe.stderr}`.includes('--pdeathsig');
  }
  return pdeathsigSupport;
}

/** A one-line description of how a process ended. */
export function describeExit(exit: ProcessExit): string {
  if (exit.error) return exit.error.message;
  return exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`;
}
