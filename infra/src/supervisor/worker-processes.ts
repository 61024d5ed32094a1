import { describeExit, type ProcessExit } from '../owned-process';
import { sleep, type InfraLog } from '../process-utils';
import { startAppProcess, type AppProcess, type AppProcessOptions } from './app-process';
import type { StartSettings } from './start-settings';

/** One worker process slot: its name, the identity Temporal knows it by (if the supervisor gave one), its environment. */
export interface WorkerSlot {
  name: string;
  identity?: string;
  env: NodeJS.ProcessEnv;
}

/**
 * The worker processes to run: one named "worker" under `npm start`; "worker-1".."worker-N" in
 * the cluster. A DUBAN_WORKER_IDENTITY given for several workers gets each one's number appended,
 * so that Temporal (and the readiness check) tells them apart.
 */
export function workerSlots(settings: StartSettings, env: NodeJS.ProcessEnv): WorkerSlot[] {
  const base = env.DUBAN_WORKER_IDENTITY?.trim();
  if (settings.topology === 'single') return [{ name: 'worker', ...(base ? { identity: base } : {}), env }];
  return Array.from({ length: settings.workers }, (_, i) => {
    const identity = base ? `${base}-${i + 1}` : undefined;
    return { name: `worker-${i + 1}`, ...(identity ? { identity } : {}), env: identity ? { ...env, DUBAN_WORKER_IDENTITY: identity } : env };
  });
}

/** A worker slot's current process: replaced when the cluster restarts it. */
export interface SupervisedWorker {
  slot: WorkerSlot;
  current(): AppProcess;
  /** From now on (once it was ready), an exit restarts it or ends the run; before, waitUntilReady reports it. */
  arm(): void;
  /** Stops the current process (SIGTERM, SIGKILL after `graceMs`) and restarts no more. */
  stop(graceMs: number): Promise<void>;
}

/**
 * Runs a worker slot. Under `npm start` a worker that exits ends the run (`onFatalExit`), as
 * before. In the cluster a worker that dies is what the other workers are there for: its work
 * moves to them at once (Temporal hands its tasks to whoever polls), and the supervisor starts it
 * again a second later, as an orchestrator would — without stopping anything else.
 */
export function superviseWorker(
  slot: WorkerSlot,
  options: Omit<AppProcessOptions, 'name' | 'env'>,
  restart: boolean,
  onFatalExit: (app: AppProcess, exit: ProcessExit) => void,
  log: InfraLog,
): SupervisedWorker {
  let stopped = false;
  let current = startAppProcess({ ...options, name: slot.name, env: slot.env });
  const watch = (app: AppProcess) =>
    void app.exited.then(async (exit) => {
      if (stopped) return;
      if (!restart) return onFatalExit(app, exit);
      log(`the ${slot.name} process (pid ${app.pid}) exited (${describeExit(exit)}): the other workers carry on; starting it again`);
      await sleep(1_000);
      if (stopped) return;
      current = startAppProcess({ ...options, name: slot.name, env: slot.env });
      log(`${slot.name} restarted as pid ${current.pid}`);
      watch(current);
    });
  return {
    slot,
    current: () => current,
    arm: () => watch(current),
    async stop(graceMs) {
      stopped = true;
      await current.stop(graceMs);
    },
  };
}
