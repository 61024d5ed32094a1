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
 * Temporal has seen the worker process `pid` poll Duban's task queue: what "ready" means for
 * a worker. (The SDK's default worker identity is `<pid>@<host>`.)
 */
export async function workerPolls(connection: Connection, namespace: string, pid: number): Promise<boolean> {
  const { pollers } = await connection.workflowService.describeTaskQueue({
    namespace,
    taskQueue: { name: DUBAN_TASK_QUEUE, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
    taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
  });
  return (pollers ?? []).some((poller) => poller.identity?.startsWith(`${pid}@`));
}
