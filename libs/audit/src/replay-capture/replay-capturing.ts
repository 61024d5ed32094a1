import type { ReplayBundle } from '../replay-bundle';
import { replayHistories, type RunReplay } from '../replay-histories';
import type { WorkflowRun } from '../workflow-histories';
import { ProjectionCapture, type CapturedProjection } from './captured-projections';

/** A replay that also says what each workflow projected into its ledger. */
export interface CapturingReplay {
  runs: RunReplay[];
  projectionOf(workflowId: string): CapturedProjection | undefined;
}

/**
 * Replays `runs` against an audit bundle (loadAuditReplayBundle: the workflow code with the
 * projection interceptor) and collects what each workflow's code projected while it replayed.
 */
export async function replayCapturingProjections(bundle: ReplayBundle, runs: readonly WorkflowRun[]): Promise<CapturingReplay> {
  const capture = new ProjectionCapture();
  const replays = await replayHistories(bundle, runs, undefined, capture.sinks() as never);
  return { runs: replays, projectionOf: (workflowId) => capture.of(workflowId) };
}
