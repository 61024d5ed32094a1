import type { Actor } from '../actor';
import type { Recorded } from '../decider';
import type { EscalationInstrument } from './escalation-instrument';
import type { ListingTracker } from './hazard-listing';
import type { HazardPolicy } from './hazard-policy';
import type { HazardReport } from './hazard-report';
import type { ListingLevel } from './listing-level';
import type { RectificationPlan } from './rectification-plan';
import type { HazardCaseOrigin } from './hazard-state';

/**
 * What happened to a hazard, in order. Each event names who, when and why: the ledger and
 * the audit trail are projections of this list.
 */
export type HazardEventBody =
  // calendarVersion: the work calendar (工作日历) every deadline of the hazard is counted on; absent
  // in files opened before calendars were data (they count Monday–Friday).
  | { type: 'reported'; data: { hazardId: string; report: HazardReport; policy: HazardPolicy; calendarVersion?: string } }
  | { type: 'plan_submitted'; data: { plan: RectificationPlan } }
  | { type: 'progress_reported'; data: { text: string; percentComplete?: number; attachments: string[] } }
  | { type: 'completion_claimed'; data: { summary: string; attachments: string[] } }
  | { type: 'verification_rejected'; data: { reasons: string } }
  | { type: 'signed_off'; data: { comment: string; effectEvaluation?: string } }
  | { type: 'extension_requested'; data: { requestedDeadline: string } }
  | { type: 'extension_approved'; data: { previousDeadline: string; newDeadline: string } }
  | { type: 'extension_refused'; data: { requestedDeadline: string } }
  | { type: 'overdue'; data: { deadline: string } }
  // listingLevel: on a listed_supervision rung, the level the policy lists at (absent in files recorded before levels: county).
  | {
      type: 'escalated';
      data: { stepId: string; instrument: EscalationInstrument; deadline: string; calendarVersion?: string; listingLevel?: ListingLevel };
    }
  | { type: 'monitoring_started'; data: { measures: string; watchPerson: string; nextReportDue: string; calendarVersion?: string } }
  | { type: 'monitoring_reported'; data: { text: string; nextReportDue: string; calendarVersion?: string } }
  | { type: 'monitoring_report_missed'; data: { dueAt: string; nextReportDue: string; calendarVersion?: string } }
  // 挂牌督办 by an office; regionId: the listing committee's region (the office's), null when its token names none.
  | { type: 'listed'; data: { level: ListingLevel; regionId: string | null; tracker: ListingTracker } }
  | { type: 'listing_changed'; data: { previousLevel: ListingLevel; level: ListingLevel; regionId: string | null; tracker: ListingTracker } }
  | { type: 'delisted'; data: { level: ListingLevel; regionId: string | null } }
  // 逾期不整改或整改不合格 → 处罚: the enforcement case the hazard's policy opened by itself (its workflow id, to find it).
  | { type: 'enforcement_case_opened'; data: { caseId: string; workflowId: string; origin: HazardCaseOrigin } };

export type HazardEventType = HazardEventBody['type'];

export type NewHazardEvent = HazardEventBody & { at: string; actor: Actor; reason: string };

/** The ids every recorded hazard event carries. */
export type HazardStreamIds = { hazardId: string };

export type HazardEvent = Recorded<NewHazardEvent, HazardStreamIds>;

export const HAZARD_EVENT_LABELS: Record<HazardEventType, string> = {
  reported: '登记 (reported)',
  plan_submitted: '整改方案 (rectification plan accepted)',
  progress_reported: '整改进展 (progress reported)',
  completion_claimed: '申请验收 (completion claimed)',
  verification_rejected: '验收不通过 (verification rejected)',
  signed_off: '销号 (signed off)',
  extension_requested: '申请延期 (extension requested)',
  extension_approved: '批准延期 (extension approved)',
  extension_refused: '不予延期 (extension refused)',
  overdue: '逾期 (overdue)',
  escalated: '督办升级 (escalated)',
  monitoring_started: '监控管理 (monitoring started)',
  monitoring_reported: '监控报告 (monitoring report)',
  monitoring_report_missed: '监控报告缺报 (monitoring report missed)',
  listed: '挂牌督办 (listed for supervision by an office)',
  listing_changed: '挂牌督办变更 (listing raised or tracker changed)',
  delisted: '挂牌督办销号 (listing closed by the listing level)',
  enforcement_case_opened: '立案处罚 (enforcement case opened by the policy)',
};
