import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
// Relative, like the search attributes: the constant alone, not the workflow code behind the index.
import { DUBAN_TASK_QUEUE } from '../../../workflows/src/task-queue';

/** The API answers its liveness check (GET /health, no token needed). */
export async function apiAnswers(baseUrl: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
  return response.status === 200;
}

/**
 * Temporal has seen this worker poll its task queue (DUBAN_TASK_QUEUE, default Duban's): what
 * "ready" means for a worker. It is known by its identity: the one the supervisor gave it, or
 * else the SDK's default `<pid>@<host>`.
 */
export async function workerPolls(
  connection: Connection,
  namespace: string,
  worker: { pid: number; identity?: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  const { pollers } = await connection.workflowService.describeTaskQueue({
    namespace,
    taskQueue: { name: env.DUBAN_TASK_QUEUE?.trim() || DUBAN_TASK_QUEUE, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
    taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
  });
  return (pollers ?? []).some((poller) => (worker.identity ? poller.identity === worker.identity : poller.identity?.startsWith(`${worker.pid}@`)));
}
