import { continueAsNew, patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { RECONCILIATION_KINDS, SYSTEM_ACTOR, type ReconciliationKind } from '@duban/domain';
import { ACTIVITY_RETRY } from '../activity-retry';
import {
  NIGHTLY_RECONCILIATION_REASON,
  type ReconciliationActivities,
  type ReconciliationInput,
  type ReconciliationPosition,
  type ReconciliationResult,
} from './reconciliation.contract';

/** The kinds runs went over before covert inspections and campaigns joined: histories of those runs replay with them. */
const KINDS_BEFORE_COVERT_AND_CAMPAIGNS: readonly ReconciliationKind[] = ['hazard', 'enforcement_case', 'accident', 'tip_off'];

/** Pages (of at most the activity's page size of workflows) one run handles before continuing as new: a bounded history. */
export const RECONCILIATION_PAGES_PER_RUN = 50;

const { startReconciliationRun, finishReconciliationRun } = proxyActivities<ReconciliationActivities>({
  startToCloseTimeout: '1 minute',
  retry: ACTIVITY_RETRY,
});
// A page reads each workflow's history and state: slower than a row write.
const { reconcileLedgerPage } = proxyActivities<ReconciliationActivities>({ startToCloseTimeout: '10 minutes', retry: ACTIVITY_RETRY });

/**
 * One reconciliation run (台账核对): every kind's workflows a page at a time, each page compared
 * with the ledger and repaired by an activity; the counts add up here and go, with the position,
 * across continue-as-new. The run's id is its workflow id; the report is written by the activities.
 */
export async function reconciliationWorkflow(input: ReconciliationInput = {}): Promise<ReconciliationResult> {
  const runId = workflowInfo().workflowId;
  const kinds = patched('reconciliation-covert-and-campaign-kinds') ? RECONCILIATION_KINDS : KINDS_BEFORE_COVERT_AND_CAMPAIGNS;
  if (!input.resume)
    await startReconciliationRun({
      runId,
      startedAt: new Date().toISOString(),
      startedBy: input.startedBy ?? SYSTEM_ACTOR,
      reason: input.reason ?? NIGHTLY_RECONCILIATION_REASON,
    });
  let at: ReconciliationPosition | null = input.resume?.from ?? { kind: kinds[0]!, pageToken: null };
  const counts = { checked: 0, drifted: 0, repaired: 0, ...input.resume?.counts };
  for (let pages = 0; at !== null; pages++) {
    if (pages === RECONCILIATION_PAGES_PER_RUN) return continueAsNew<typeof reconciliationWorkflow>({ ...input, resume: { from: at, counts } });
    const page = await reconcileLedgerPage({ runId, ...at });
    counts.checked += page.checked;
    counts.drifted += page.drifted;
    counts.repaired += page.repaired;
    at = nextPosition(kinds, at.kind, page.nextPageToken);
  }
  await finishReconciliationRun({ runId, finishedAt: new Date().toISOString(), counts });
  return { runId, ...counts };
}

/** The next page of this kind, else the next kind's first; null after the last. */
function nextPosition(kinds: readonly ReconciliationKind[], kind: ReconciliationKind, pageToken: string | null): ReconciliationPosition | null {
  if (pageToken !== null) return { kind, pageToken };
  const next = kinds[kinds.indexOf(kind) + 1];
  return next === undefined ? null : { kind: next, pageToken: null };
}
