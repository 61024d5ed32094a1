/**
 * The rules over the enforcement record (同一企业一个月内2次严重非法违法行为 → 关闭整顿; 屡纠不改 →
 * 黑名单): the review workflow a Schedule starts daily or the office on demand, and its activity.
 * Imported by the worker, the API and the tests.
 */
import type { Actor } from '@duban/domain';

/** Why the Schedule's runs run (its fixed input): what GET /enforcement-record/reviews/{runId} shows for them. */
export const SCHEDULED_ENFORCEMENT_REVIEW_REASON = '每日例行复核 (daily scheduled review)';

export interface EnforcementRecordReviewInput {
  /** The China day (YYYY-MM-DD) the review is for: the blacklist as of then. Default: the day it runs. */
  asOf?: string;
  /** Why it runs (the audit story): the office's reason, or the Schedule's fixed one. Absent in runs started before it was asked. */
  reason?: string;
  /** Who asked for it; absent for the Schedule's runs (and earlier ones). */
  requestedBy?: Actor;
}

export interface EnforcementRecordReviewResult {
  runId: string;
  asOf: string;
  /** Every firing that holds, by key (repeatViolationFiringKey), and those this run recorded first. */
  firings: string[];
  newFirings: string[];
  /** Every blacklist entry and exit on record as of the day, by key, and those this run recorded first. */
  blacklistChanges: string[];
  newBlacklistChanges: string[];
  /** The input's reason and requester, kept with the run's outcome; null when it had none (runs before they were asked). */
  reason?: string | null;
  requestedBy?: Actor | null;
}

/** The review's I/O: reads the violations from the enforcement ledger, evaluates the rules, records what holds (idempotent by key). */
export interface EnforcementRecordActivities {
  reviewEnforcementRecord(input: { runId: string; asOf: string }): Promise<EnforcementRecordReviewResult>;
}

/** The Schedule that runs the review daily (like the accident record's monthly one), just after midnight China time. */
export const ENFORCEMENT_RECORD_SCHEDULE = {
  scheduleId: 'enforcement-record-review-daily',
  workflowType: 'enforcementRecordReviewWorkflow',
  workflowIdPrefix: 'enforcement-record-review',
  calendar: { hour: 0, minute: 30 },
  timezone: 'Asia/Shanghai',
  catchupWindow: '1 day',
  note: '规则运行 over the enforcement record: 同一企业一个月内2次严重非法违法行为 → 关闭整顿; 屡纠不改 → 黑名单 (entry and exit)',
  input: { reason: SCHEDULED_ENFORCEMENT_REVIEW_REASON } satisfies EnforcementRecordReviewInput,
} as const;

/** The id of a review run started on demand (the Schedule appends its own timestamp to its runs). */
export const enforcementRecordReviewWorkflowId = (runId: string) => `${ENFORCEMENT_RECORD_SCHEDULE.workflowIdPrefix}-${runId}`;
