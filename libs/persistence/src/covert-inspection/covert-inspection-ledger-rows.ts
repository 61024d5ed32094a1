import type { Actor, CovertInspectionEventBody, CovertInspectionState, Role, Stratification } from '@duban/domain';

/** A covert inspection's ledger row (暗访台账) as lists and detail views show it: camelCase, instants as ISO strings. */
export interface CovertInspectionLedgerRow {
  inspectionId: string;
  workflowId: string;
  title: string;
  status: CovertInspectionState['status'];
  regionId: string;
  /** The regions of the sampled units (各县区). */
  sampledRegionIds: string[];
  sampledUnitIds: string[];
  leader: { accountId: string; name: string };
  teamAccountIds: string[];
  seed: string;
  stratifyBy: Stratification;
  candidateCount: number;
  sampleSize: number;
  findingCount: number;
  majorFindingCount: number;
  orderCount: number;
  openFeedbackCount: number;
  overdueFeedbackCount: number;
  /** 重大隐患挂牌督办. */
  listedMajorHazardCount: number;
  nextFeedbackDue: string | null;
  plannedAt: string;
  plannedBy: { id: string; name: string; role: Role | 'system' };
  completedAt: string | null;
  /** seq of the last event the row reflects. */
  version: number;
  updatedAt: string;
}

/**
 * Which inspections a list holds. The visibility fields carry authorizeCovertInspectionRead's
 * rule into SQL, so a page never counts a plan its reader may not know of.
 */
export interface CovertInspectionLedgerFilter {
  status?: CovertInspectionState['status'];
  /** Only those run by this region's office. */
  regionId?: string;
  /** Only those that sampled this unit. */
  sampledUnitId?: string;
  /** Only completed ones (a reader outside the office and the teams). */
  completedOnly?: boolean;
  /** Planned ones only where this account is on the team; completed ones all (an inspector). */
  planVisibleToAccountId?: string;
  /** Completed within [completedFrom, completedTo). */
  completedFrom?: Date;
  completedTo?: Date;
  /** Default 50, at most 500. */
  limit?: number;
  /** Default 0. */
  offset?: number;
}

/** One event of an inspection's audit trail; `data` is typed by `type` as the domain defines it. */
export type CovertInspectionEventRow = CovertInspectionEventBody & { seq: number; at: string; actor: Actor; reason: string };

export interface CovertInspectionEventFilter {
  /** Start after this seq (a page's `next`). */
  afterSeq?: number;
  /** Default 100, at most 500. */
  limit?: number;
}
