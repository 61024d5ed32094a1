import type { HazardStatus } from '../hazard/hazard-status';

/**
 * Where an exposed finding's rectification stands, read from its hazard in the hazard ledger
 * (隐患台账): 已整改 once signed off (or its listing closed, 销号), 逾期未整改 when the hazard is
 * overdue, 整改中 otherwise; 未跟踪 for findings of inspections from before findings became hazards.
 */
export const COVERT_RECTIFICATION_STATUSES = ['rectified', 'rectifying', 'overdue', 'untracked'] as const;
export type CovertRectificationStatus = (typeof COVERT_RECTIFICATION_STATUSES)[number];

export const COVERT_RECTIFICATION_STATUS_LABELS: Record<CovertRectificationStatus, string> = {
  rectified: '已整改 (rectified: the hazard signed off)',
  rectifying: '整改中 (rectifying)',
  overdue: '逾期未整改 (overdue: not rectified by the deadline)',
  untracked: '未跟踪 (untracked: no hazard in the ledger)',
};

/** What the status reads of the hazard's ledger row. */
export interface HazardRectificationFacts {
  status: HazardStatus;
  overdue: boolean;
  /** 销号 of its listing (挂牌督办), when there was one. */
  delistedAt: string | null;
}

export function covertRectificationStatus(hazard: HazardRectificationFacts | undefined): CovertRectificationStatus {
  if (!hazard) return 'untracked';
  if (hazard.status === 'signed_off' || hazard.delistedAt !== null) return 'rectified';
  return hazard.overdue ? 'overdue' : 'rectifying';
}
