import type { Actor } from '../actor';
import type { CovertInspectionPlan, CovertInspectionPolicy, FeedbackRecipient, FindingGrade } from './covert-inspection-plan';
import type { CovertSample } from './covert-sample';

export interface FindingState {
  findingId: string;
  unitId: string;
  description: string;
  grade: FindingGrade;
  at: string;
  by: Actor;
  orderId?: string;
  /** The hazard (隐患台账) it became once ordered, tracked there to 销号; absent in inspections from before. */
  hazardId?: string;
}

export interface FeedbackState {
  recipient: FeedbackRecipient;
  unitId: string;
  due: string;
  overdue: boolean;
  acknowledged?: { acknowledgedBy: string; at: string; by: Actor };
}

export interface RectificationOrderState {
  orderId: string;
  unitId: string;
  findingIds: string[];
  instruction: string;
  dueAt: string;
  issuedAt: string;
  issuedBy: Actor;
  feedback: FeedbackState[];
}

/** The authoritative record of one covert inspection (明察暗访): plan, sample, findings, orders and feedback. */
export interface CovertInspectionState {
  inspectionId: string;
  plan: CovertInspectionPlan;
  policy: CovertInspectionPolicy;
  sample: CovertSample;
  plannedAt: string;
  plannedBy: Actor;
  findings: FindingState[];
  orders: RectificationOrderState[];
  /** Major hazards listed (挂牌督办), to be signed off by their deadline (限期销号). */
  listed: Array<{ findingId: string; unitId: string; orderId: string; signOffBy: string; at: string }>;
  status: 'planned' | 'completed';
  completed?: { summary: string; at: string; by: Actor };
  lastSeq: number;
}

/** Whether the actor is on the named team (the leader or a member). */
export function isOnCovertTeam(s: Pick<CovertInspectionState, 'plan'>, actor: Actor): boolean {
  return [s.plan.leader, ...s.plan.members].some((m) => m.accountId === actor.id);
}
