import { rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { describeExit, spawnOwned, type OwnedProcess, type ProcessExit } from '../owned-process';
import { sleep } from '../process-utils';

/** The API or the worker, running as its own Node process under the supervisor. */
export interface AppProcess {
  name: string;
  pid: number;
  exited: Promise<ProcessExit>;
  /** The last lines it printed, for a failure message. */
  outputTail(): string;
  /** SIGTERM (both apps shut down in order on it), SIGKILL after `graceMs`. */
  stop(graceMs: number): Promise<void>;
}

export interface AppProcessOptions {
  /** "api" or "worker": prefixes its output lines. */
  name: string;
  script: string;
  nodeArgs: string[];
  env: NodeJS.ProcessEnv;
  pidFile: string;
  cwd: string;
}

/**
 * Starts `node <nodeArgs> <script>` with `env`, echoing its output line by line as
 * `[name] ...`. It gets SIGTERM if the supervisor dies (see spawnOwned); its pid is recorded
 * in `pidFile` for the next start's leftover check.
 */
export function startAppProcess(options: AppProcessOptions): AppProcess {
  const child: OwnedProcess = spawnOwned(process.execPath, [...options.nodeArgs, options.script], {
    what: `the ${options.name} process`,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: options.env,
    cwd: options.cwd,
    deathSignal: 'SIGTERM',
  });
  if (child.pid > 0) writeFileSync(options.pidFile, `${child.pid}\n`);
  const tail: string[] = [];
  const streamsDone: Array<Promise<void>> = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    const lines = createInterface({ input: stream });
    lines.on('line', (line) => {
      console.log(`[${options.name}] ${line}`);
      tail.push(line);
      if (tail.length > 40) tail.shift();
    });
    streamsDone.push(new Promise((resolve) => lines.once('close', () => resolve())));
  }
  const exited = child.exited.then(async (exit) => {
    rmSync(options.pidFile, { force: true });
    // Let the last lines (often the reason it exited) arrive before anyone quotes the tail.
    await Promise.race([Promise.all(streamsDone), sleep(500)]);
    return exit;
  });
  return {
    name: options.name,
    pid: child.pid,
    exited,
    outputTail: () => tail.join('\n'),
    async stop(graceMs) {
      await child.stop([
        ['SIGTERM', graceMs],
        ['SIGKILL', 5_000],
      ]);
      await Promise.race([exited, sleep(1_000)]);
    },
  };
}

/** Polls `isReady` until it says yes; fails with the app's own last lines when it exits first or takes too long. */
export async function waitUntilReady(app: AppProcess, isReady: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  let exit: ProcessExit | undefined;
  void app.exited.then((e) => (exit = e));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exit) {
      await app.exited;
      throw new Error(`the ${app.name} process exited before it was ready (${describeExit(exit)}). Its last lines:\n${app.outputTail() || '(none)'}`);
    }
    if (await isReady().catch(() => false)) return;
    if (Date.now() > deadline)
      throw new Error(
        `the ${app.name} process was not ${what} within ${Math.round(timeoutMs / 1000)} s. Its last lines:\n${app.outputTail() || '(none)'}`,
      );
    await sleep(250);
  }
}
