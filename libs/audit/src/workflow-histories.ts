import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';

/** One run of a workflow (a workflow id continues as new into several): its history as the server keeps it. */
export interface WorkflowRun {
  workflowId: string;
  runId: string;
  history: temporal.api.history.v1.IHistory;
  eventCount: number;
}

/** A workflow id the server does not know (never started, or its retention ran out). */
export class WorkflowHistoryNotFound extends Error {
  constructor(readonly workflowId: string) {
    super(`no workflow ${workflowId} on the Temporal server (never started, or past its retention)`);
    this.name = 'WorkflowHistoryNotFound';
  }
}

/**
 * Every run of `workflowId`, first to last. Walks back from the latest run through each run's
 * WorkflowExecutionStarted `continuedExecutionRunId`, not through visibility (which lags and
 * may not list a run that just continued as new).
 */
export async function fetchWorkflowHistories(client: Client, workflowId: string): Promise<WorkflowRun[]> {
  const runs: WorkflowRun[] = [];
  let runId: string | undefined;
  try {
    runId = (await client.workflow.getHandle(workflowId).describe()).runId;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw new WorkflowHistoryNotFound(workflowId);
    throw error;
  }
  while (runId) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.unshift({ workflowId, runId, history, eventCount: history.events?.length ?? 0 });
    runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  }
  return runs;
}
