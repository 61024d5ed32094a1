import type { Client } from '@temporalio/client';
import { rate } from '@duban/domain';
import type { ReplayBundle } from './replay-bundle';
import { replayHistories, type RunReplay } from './replay-histories';
import { fetchWorkflowHistories, WorkflowHistoryNotFound, type WorkflowRun } from './workflow-histories';

/** One workflow id of a replay: its runs replayed, or missing on the server. */
export interface WorkflowReplay {
  workflowId: string;
  missing: boolean;
  runs: RunReplay[];
}

export interface ReplaySummary {
  /** Workflow ids asked for (each a history across its runs). */
  histories: number;
  runs: number;
  events: number;
  /** Events replayed per second of replay (fetching not counted); null when nothing was replayed. */
  eventsPerSecond: number | null;
  /** Runs that did not replay, plus workflow ids the server does not have. */
  failures: number;
}

export interface ReplayReport {
  workflows: WorkflowReplay[];
  summary: ReplaySummary;
}

export type ReplayProgress = { phase: 'fetch' | 'replay'; done: number; total: number };

/**
 * Fetches every run of each workflow id and replays them all against `bundle` in one replay
 * worker (starting one per workflow would cost more than most histories take to replay).
 * A workflow id the server does not have is reported missing, and counts as a failure.
 */
export async function replayWorkflows(
  client: Client,
  bundle: ReplayBundle,
  workflowIds: readonly string[],
  hooks: { onProgress?: (progress: ReplayProgress) => void; onRun?: (run: RunReplay) => void } = {},
): Promise<ReplayReport> {
  const fetched: Array<{ workflowId: string; runs: WorkflowRun[] | undefined }> = [];
  for (const workflowId of workflowIds) {
    fetched.push({ workflowId, runs: await fetchWorkflowHistories(client, workflowId).catch(missingAsUndefined) });
    hooks.onProgress?.({ phase: 'fetch', done: fetched.length, total: workflowIds.length });
  }
  const all = fetched.flatMap((f) => f.runs ?? []);
  let done = 0;
  const replays = await replayHistories(bundle, all, (run) => {
    hooks.onRun?.(run);
    hooks.onProgress?.({ phase: 'replay', done: ++done, total: all.length });
  });
  const byRun = new Map(replays.map((r) => [`${r.workflowId}\u0000${r.runId}`, r]));
  const workflows = fetched.map(({ workflowId, runs }) => ({
    workflowId,
    missing: runs === undefined,
    runs: (runs ?? []).map((run) => byRun.get(`${workflowId}\u0000${run.runId}`)!),
  }));
  return { workflows, summary: summarize(workflows) };
}

function missingAsUndefined(error: unknown): undefined {
  if (error instanceof WorkflowHistoryNotFound) return undefined;
  throw error;
}

export function summarize(workflows: readonly WorkflowReplay[]): ReplaySummary {
  const runs = workflows.flatMap((w) => w.runs);
  const events = runs.reduce((sum, r) => sum + r.eventCount, 0);
  const perSecond = rate(events, runs.reduce((sum, r) => sum + r.durationMs, 0) / 1000);
  return {
    histories: workflows.length,
    runs: runs.length,
    events,
    // No replay, no rate: 0 events/s would read as "replay stalled".
    eventsPerSecond: perSecond === null ? null : Math.round(perSecond),
    failures: runs.filter((r) => !r.ok).length + workflows.filter((w) => w.missing).length,
  };
}
