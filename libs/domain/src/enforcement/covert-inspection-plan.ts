import type { HazardGrade } from '../hazard/hazard-grade';
import type { TimeSpan } from '../time/time-span';
import type { SampleCandidate, SampleRequest } from './covert-sample';

/** A member of the named team (明察暗访组): the account that acts, and the name on the record. */
export interface TeamMember {
  accountId: string;
  name: string;
}

/**
 * A covert inspection as the office plans it (不打招呼): the team, the seed and the candidates in
 * scope recorded with it, so the sample can be drawn again from the record and checked.
 */
export interface CovertInspectionPlan extends SampleRequest {
  inspectionId: string;
  title: string;
  /** The region of the office that runs it (its territory bounds the scope). */
  regionId: string;
  leader: TeamMember;
  members: TeamMember[];
  /** The registry's units in scope when it was planned. */
  candidates: SampleCandidate[];
}

/** Who must be told of the result (反馈县区政府、行业主管部门, 002 篇四): two obligations per order, each acknowledged. */
export const FEEDBACK_RECIPIENTS = ['county_government', 'industry_department'] as const;
export type FeedbackRecipient = (typeof FEEDBACK_RECIPIENTS)[number];

export const FEEDBACK_RECIPIENT_LABELS: Record<FeedbackRecipient, string> = {
  county_government: '县区政府 (the county government)',
  industry_department: '行业主管部门 (the industry department)',
};

/** A finding's grade is a hazard's: a 重大隐患 found is listed (挂牌督办) and must be signed off by the order's deadline (限期销号). */
export type FindingGrade = HazardGrade;

export interface CovertInspectionPolicy {
  id: string;
  source: string;
  /** How long each recipient has to acknowledge the feedback. */
  feedbackAcknowledgeWithin: TimeSpan;
  /** The longest time limit an on-site rectification order may give (限时整改). */
  maxOrderTimeLimit: TimeSpan;
}

export const STANDARD_COVERT_INSPECTION_POLICY: CovertInspectionPolicy = {
  id: 'standard-covert-2026',
  source:
    '002 篇四: 采取不打招呼、随机抽查的方式 … 现场下发整改指令, 限时整改到位, 并将情况反馈县区政府、行业主管部门, 对重大隐患实行挂牌督办, 限期销号. ' +
    'The acknowledgement period and the longest time limit are editable defaults, not quoted.',
  feedbackAcknowledgeWithin: { amount: 5, unit: 'workdays' },
  maxOrderTimeLimit: { amount: 90, unit: 'days' },
};
