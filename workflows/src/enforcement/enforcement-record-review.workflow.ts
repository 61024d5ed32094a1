import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import { cstDate } from '@duban/domain';
import { ACTIVITY_RETRY } from '../activity-retry';
import type { EnforcementRecordActivities, EnforcementRecordReviewInput, EnforcementRecordReviewResult } from './enforcement-record.contract';

const { reviewEnforcementRecord } = proxyActivities<EnforcementRecordActivities>({ startToCloseTimeout: '2 minutes', retry: ACTIVITY_RETRY });

/**
 * One run of the rules over the enforcement record: the activity reads the violations, evaluates
 * the repeat-violation and blacklist rules and records each firing, entry and exit once by its key,
 * so a retried or repeated run records nothing twice. The workflow only fixes the day and the run,
 * and keeps who asked and why with its outcome (the same one activity call: histories without a
 * reason replay unchanged).
 */
export async function enforcementRecordReviewWorkflow(input: EnforcementRecordReviewInput = {}): Promise<EnforcementRecordReviewResult> {
  const asOf = input.asOf ?? cstDate(new Date());
  const result = await reviewEnforcementRecord({ runId: workflowInfo().workflowId, asOf });
  return { ...result, reason: input.reason ?? null, requestedBy: input.requestedBy ?? null };
}
