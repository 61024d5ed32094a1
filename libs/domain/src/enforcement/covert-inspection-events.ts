import type { Actor } from '../actor';
import type { Recorded } from '../decider';
import type { CovertInspectionPlan, CovertInspectionPolicy, FeedbackRecipient, FindingGrade } from './covert-inspection-plan';
import type { CovertSample } from './covert-sample';

export interface FeedbackObligation {
  recipient: FeedbackRecipient;
  unitId: string;
  due: string;
}

/** What happened to a covert inspection, in order; each event names who, when and why. */
export type CovertInspectionEventBody =
  | { type: 'planned'; data: { plan: CovertInspectionPlan; policy: CovertInspectionPolicy; sample: CovertSample } }
  | { type: 'finding_recorded'; data: { findingId: string; unitId: string; description: string; grade: FindingGrade } }
  | {
      type: 'rectification_ordered';
      data: { orderId: string; unitId: string; findingIds: string[]; instruction: string; dueAt: string; feedback: FeedbackObligation[] };
    }
  /** 重大隐患 found: listed for supervision (挂牌督办) and due to be signed off by the order's deadline (限期销号). */
  | { type: 'major_hazard_listed'; data: { findingId: string; unitId: string; orderId: string; signOffBy: string } }
  /** The finding is a hazard in the hazard ledger (隐患台账), tracked there to its rectification and 销号. */
  | { type: 'hazard_registered'; data: { findingId: string; hazardId: string; workflowId: string } }
  | { type: 'feedback_acknowledged'; data: { orderId: string; recipient: FeedbackRecipient; acknowledgedBy: string } }
  | { type: 'feedback_overdue'; data: { orderId: string; recipient: FeedbackRecipient; due: string } }
  | { type: 'completed'; data: { summary: string } };

export type CovertInspectionEventType = CovertInspectionEventBody['type'];

export type NewCovertInspectionEvent = CovertInspectionEventBody & { at: string; actor: Actor; reason: string };

export type CovertInspectionStreamIds = { inspectionId: string };

export type CovertInspectionEvent = Recorded<NewCovertInspectionEvent, CovertInspectionStreamIds>;

export const COVERT_INSPECTION_EVENT_LABELS: Record<CovertInspectionEventType, string> = {
  planned: '暗访计划 (planned without notice)',
  finding_recorded: '暗访发现问题 (finding recorded)',
  rectification_ordered: '现场整改指令 (on-site rectification order)',
  major_hazard_listed: '重大隐患挂牌督办 (major hazard listed)',
  hazard_registered: '隐患登记入台账 (finding registered as a hazard)',
  feedback_acknowledged: '反馈签收 (feedback acknowledged)',
  feedback_overdue: '反馈未签收逾期 (feedback not acknowledged in time)',
  completed: '暗访结束 (completed)',
};
