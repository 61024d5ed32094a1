import type { Actor } from '../actor';
import type { EscalationInstrument } from './escalation-instrument';
import type { HazardListing } from './hazard-listing';
import type { HazardPolicy } from './hazard-policy';
import type { HazardReport } from './hazard-report';
import type { HazardStatus } from './hazard-status';
import type { RectificationPlan } from './rectification-plan';

export interface EscalationRecord {
  stepId: string;
  instrument: EscalationInstrument;
  at: string;
  /** The deadline the rung was measured from: a rung fires once per deadline. */
  deadline: string;
  reason: string;
}

/** Where a case a hazard opens comes from (the enforcement domain's origins of that kind). */
export type HazardCaseOrigin = 'hazard_overdue' | 'hazard_failed_acceptance';

/**
 * The authoritative state of one hazard (一患一档), held by its workflow. Long lists
 * (every progress report, every piece of evidence) live in the event log; the state keeps
 * counts and the latest entries so it stays small across continue-as-new.
 */
export interface HazardState {
  hazardId: string;
  report: HazardReport;
  reportedBy: Actor;
  reportedAt: string;
  policy: HazardPolicy;
  /** The version of the work calendar (工作日历) its deadlines are counted on; absent = Monday–Friday (files opened before calendars were data). */
  calendarVersion?: string;
  status: HazardStatus;
  deadline: string;
  extensionsGranted: number;
  extensionHistory: Array<{ previousDeadline: string; newDeadline: string; approvedBy: Actor; at: string; reason: string }>;
  pendingExtension?: { requestedDeadline: string; reason: string; requestedBy: Actor; at: string };
  plan?: RectificationPlan;
  progressReportCount: number;
  lastProgress?: { text: string; percentComplete?: number; at: string; by: Actor };
  claim?: { summary: string; attachments: string[]; at: string; by: Actor };
  rejectionCount: number;
  lastRejection?: { reasons: string; at: string; by: Actor };
  escalations: EscalationRecord[];
  /** Ever listed (挂牌督办), by the policy or an office; stays true after the listing's 销号 (see `listing.delisted`). */
  listedForSupervision: boolean;
  /** The listing: level, committee, tracker, 销号. Absent in states carried over from before listings had levels. */
  listing?: HazardListing;
  overdue: boolean;
  monitoring?: { since: string; measures: string; watchPerson: string; nextReportDue: string; reportCount: number; missedCount: number };
  signedOff?: { at: string; by: Actor; comment: string; effectEvaluation?: string };
  /** The enforcement case (执法案件) its policy opened (逾期不整改或整改不合格 → 处罚); at most one per hazard. */
  enforcementCase?: { caseId: string; workflowId: string; origin: HazardCaseOrigin; openedAt: string };
  /** Sequence number of the last event applied. */
  lastSeq: number;
}
