import { ParentClosePolicy, proxyActivities, startChild, WorkflowIdReusePolicy } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { accountabilityActionWorkflowId, monthJustEnded, openAccountabilityAction, reviewAccidentRecord } from '@duban/domain';
import { ACTIVITY_RETRY } from '../activity-retry';
import { accountabilityActionWorkflow } from './accountability-action.workflow';
import type { AccidentRecordActivities, AccidentRecordReviewInput, AccidentRecordReviewResult } from './accident-record.contract';

const { loadAccidentRecord, recordAccidentReview } = proxyActivities<AccidentRecordActivities>({
  startToCloseTimeout: '2 minutes',
  retry: ACTIVITY_RETRY,
});

/**
 * One review of the accident record: loads the year's accidents, territories and caps; the
 * domain checks the caps and evaluates the rules; the results are recorded, and each firing's
 * obligation runs as its own workflow (one per firing, started once: a later run finds it).
 */
export async function accidentRecordReviewWorkflow(input: AccidentRecordReviewInput = {}): Promise<AccidentRecordReviewResult> {
  const asOf = input.asOf ? new Date(input.asOf) : new Date();
  const month = monthJustEnded(asOf);
  const loaded = await loadAccidentRecord({ year: Number(month.slice(0, 4)) });
  const review = reviewAccidentRecord(loaded, month);
  const now = new Date();
  const firings = review.firings.map((firing) => ({ firing, action: openAccountabilityAction(firing, now) }));
  const recorded = await recordAccidentReview({ checks: review.checks, firings, checkedAt: now.toISOString() });
  const started: string[] = [];
  for (const { action } of firings) {
    const stored = recorded[action.firingKey];
    if (stored?.status === 'done') continue;
    try {
      await startChild(accountabilityActionWorkflow, {
        workflowId: accountabilityActionWorkflowId(action.firingKey),
        // The obligation as recorded (a firing found by an earlier run keeps its own due date).
        args: [{ action: { ...action, ...stored } }],
        // An obligation outlives the review that found it; a finished one is never started again.
        parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
      started.push(action.firingKey);
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
  return {
    month,
    checks: review.checks.map((c) => ({ indicatorId: c.indicator.id, used: c.used, status: c.status })),
    firings: Object.fromEntries(firings.map(({ action }) => [action.firingKey, recorded[action.firingKey]?.status ?? action.status])),
    started,
  };
}
