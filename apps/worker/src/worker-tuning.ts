import { DUBAN_TASK_QUEUE } from '@duban/workflows';
import { DEFAULT_WORKER_MEMORY_BUDGET_MB, maxCachedWorkflowsForBudget } from './worker-memory';

/** How one worker process polls and how much it holds: every field has a stated default. */
export interface WorkerTuning {
  /** DUBAN_WORKER_IDENTITY; undefined: the SDK's `<pid>@<hostname>`. */
  identity?: string;
  /** DUBAN_TASK_QUEUE, default `duban` (the queue the API starts workflows on). */
  taskQueue: string;
  /** DUBAN_WORKER_MEMORY_BUDGET_MB, default 1024: what the default cache size is derived from. */
  memoryBudgetMb: number;
  /** DUBAN_WORKER_MAX_CACHED_WORKFLOWS; default: what fits the memory budget (maxCachedWorkflowsForBudget). */
  maxCachedWorkflows: number;
  /** DUBAN_WORKER_MAX_CONCURRENT_WORKFLOW_TASKS, default 40 (the SDK's). */
  maxConcurrentWorkflowTaskExecutions: number;
  /** DUBAN_WORKER_MAX_CONCURRENT_ACTIVITIES, default 100 (the SDK's). */
  maxConcurrentActivityTaskExecutions: number;
  /** DUBAN_WORKER_WORKFLOW_POLLERS, default min(10, workflow tasks) (the SDK's). */
  maxConcurrentWorkflowTaskPolls: number;
  /** DUBAN_WORKER_ACTIVITY_POLLERS, default min(10, activities) (the SDK's). */
  maxConcurrentActivityTaskPolls: number;
  /** DUBAN_WORKER_SHUTDOWN_GRACE_MS, default 10000: how long SIGTERM lets in-flight activities finish. */
  shutdownGraceMs: number;
  /**
   * DUBAN_WORKER_STICKY_TIMEOUT_MS, default 3000 (the SDK's is 10000): how long a workflow task
   * waits on this worker's sticky queue before any worker may take it. After a kill -9 nobody
   * polls that queue, so each workflow this worker had cached stalls this long; a live worker
   * picks its sticky tasks up in milliseconds, and one too busy for 3 s is better relieved by
   * the others (at the cost of a replay there).
   */
  stickyQueueTimeoutMs: number;
}

export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;
export const DEFAULT_STICKY_QUEUE_TIMEOUT_MS = 3_000;

/**
 * Reads the worker's tuning variables; a malformed one is added to `problems` (the caller names
 * them all at once) and its default used.
 */
export function readWorkerTuning(env: NodeJS.ProcessEnv, problems: string[]): WorkerTuning {
  const whole = (name: string, fallback: number, min = 1) => {
    const text = env[name]?.trim();
    if (!text) return fallback;
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > 2_147_483_647) {
      problems.push(`${name} must be a whole number ≥ ${min}, got ${JSON.stringify(env[name])}`);
      return fallback;
    }
    return value;
  };
  const memoryBudgetMb = whole('DUBAN_WORKER_MEMORY_BUDGET_MB', DEFAULT_WORKER_MEMORY_BUDGET_MB, 64);
  const workflowTasks = whole('DUBAN_WORKER_MAX_CONCURRENT_WORKFLOW_TASKS', 40, 2);
  const activities = whole('DUBAN_WORKER_MAX_CONCURRENT_ACTIVITIES', 100);
  const tuning: WorkerTuning = {
    taskQueue: env.DUBAN_TASK_QUEUE?.trim() || DUBAN_TASK_QUEUE,
    memoryBudgetMb,
    maxCachedWorkflows: whole('DUBAN_WORKER_MAX_CACHED_WORKFLOWS', maxCachedWorkflowsForBudget(memoryBudgetMb)),
    maxConcurrentWorkflowTaskExecutions: workflowTasks,
    maxConcurrentActivityTaskExecutions: activities,
    // The SDK wants at least 2 workflow pollers (one sticky, one normal) and no more than the slots.
    maxConcurrentWorkflowTaskPolls: whole('DUBAN_WORKER_WORKFLOW_POLLERS', Math.min(10, workflowTasks), 2),
    maxConcurrentActivityTaskPolls: whole('DUBAN_WORKER_ACTIVITY_POLLERS', Math.min(10, activities)),
    shutdownGraceMs: whole('DUBAN_WORKER_SHUTDOWN_GRACE_MS', DEFAULT_SHUTDOWN_GRACE_MS, 0),
    stickyQueueTimeoutMs: whole('DUBAN_WORKER_STICKY_TIMEOUT_MS', DEFAULT_STICKY_QUEUE_TIMEOUT_MS, 100),
  };
  if (tuning.maxConcurrentWorkflowTaskPolls > workflowTasks)
    problems.push(
      `DUBAN_WORKER_WORKFLOW_POLLERS (${tuning.maxConcurrentWorkflowTaskPolls}) cannot exceed the workflow task slots (${workflowTasks})`,
    );
  if (tuning.maxConcurrentActivityTaskPolls > activities)
    problems.push(`DUBAN_WORKER_ACTIVITY_POLLERS (${tuning.maxConcurrentActivityTaskPolls}) cannot exceed the activity slots (${activities})`);
  const identity = env.DUBAN_WORKER_IDENTITY?.trim();
  return identity ? { identity, ...tuning } : tuning;
}
