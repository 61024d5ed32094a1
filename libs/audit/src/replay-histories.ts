import { DeterminismViolationError } from '@temporalio/workflow';
import type { InjectedSinks } from '@temporalio/worker';
import type { Sinks } from '@temporalio/workflow';
import type { ReplayBundle } from './replay-bundle';
import type { WorkflowRun } from './workflow-histories';

/** Why a run did not replay: its history no longer matches the code (nondeterminism), or anything else. */
export type ReplayFailureKind = 'nondeterminism' | 'other';

export interface RunReplay {
  workflowId: string;
  runId: string;
  eventCount: number;
  durationMs: number;
  ok: boolean;
  failure?: { kind: ReplayFailureKind; message: string; eventId?: number };
}

/**
 * The event the SDK names where the code parted from the history. Core (SDK 1.24) writes
 * "… does not handle this event: HistoryEvent(id: 5, TimerStarted)" or "… doesn't match event
 * TimerStarted with ID 5"; undefined when the message names none (a failure not tied to one event).
 */
export function divergedEventId(message: string): number | undefined {
  const match = /HistoryEvent\(id: (\d+)\b/.exec(message) ?? /\bwith ID (\d+)\b/.exec(message);
  return match ? Number(match[1]) : undefined;
}

/**
 * Replays each run against `bundle`, one at a time in the order given, answering ok or the
 * failure per run; a failure does not stop the others. `onProgress` hears of each run as it ends;
 * `sinks` are what the bundle's workflow code (its interceptors) may call during the replay.
 */
export async function replayHistories(
  bundle: ReplayBundle,
  runs: readonly WorkflowRun[],
  onProgress?: (run: RunReplay) => void,
  sinks?: InjectedSinks<Sinks>,
): Promise<RunReplay[]> {
  const replays: RunReplay[] = [];
  if (runs.length === 0) return replays;
  // Loaded on the first replay: the SDK's worker (native core, webpack) would otherwise slow every
  // start of what imports this library (the API, its specs) for routes that never replay.
  const { Worker } = await import('@temporalio/worker');
  let startedAt = performance.now();
  const results = Worker.runReplayHistories(
    { workflowBundle: bundle, replayName: 'duban-audit-replay', ...(sinks && { sinks }) },
    runs.map((run) => ({ workflowId: run.workflowId, history: run.history as never })),
  );
  for await (const result of results) {
    const run = runs[replays.length];
    const error = result.error;
    const replay: RunReplay = {
      workflowId: run.workflowId,
      runId: run.runId,
      eventCount: run.eventCount,
      durationMs: performance.now() - startedAt,
      ok: !error,
      ...(error && {
        failure: {
          kind: error instanceof DeterminismViolationError ? 'nondeterminism' : 'other',
          message: error.message,
          eventId: divergedEventId(error.message),
        },
      }),
    };
    replays.push(replay);
    onProgress?.(replay);
    startedAt = performance.now();
  }
  return replays;
}
