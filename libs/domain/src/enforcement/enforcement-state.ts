import type { Actor } from '../actor';
import type { Respondent, CaseViolation } from './enforcement-case-filing';
import type { EnforcementPolicy } from './enforcement-policy';
import type { CaseOrigin, ReferralOutcome } from './enforcement-terms';

/** Who did a step, when, and under which law (谁签字、谁负责). */
export interface EnforcementStamp {
  at: string;
  by: Actor;
  reason: string;
  legalBasis: string;
}

/**
 * Where a suspension (停产整顿) stands on its way to resumption (复工复产) or closure:
 * suspended → rectification_filed → (复产验收 passed) awaiting_signatures → resumed; a failed
 * inspection goes back to suspended, or, at the policy's limit, to closure_required → closed.
 */
export const SUSPENSION_STATUSES = ['suspended', 'rectification_filed', 'awaiting_signatures', 'resumed', 'closure_required', 'closed'] as const;
export type SuspensionStatus = (typeof SUSPENSION_STATUSES)[number];

export const SUSPENSION_STATUS_LABELS: Record<SuspensionStatus, string> = {
  suspended: '停产整顿中 (suspended)',
  rectification_filed: '已报整改, 待复产验收 (rectification filed)',
  awaiting_signatures: '验收合格, 逐级签字中 (awaiting signatures)',
  resumed: '已复工复产 (resumed)',
  closure_required: '整顿仍不合格, 待关闭取缔 (closure required)',
  closed: '已关闭取缔 (closed)',
};

/** While suspended the unit stays supervised (停产不停监管): these statuses take periodic checks. */
export const SUPERVISED_STATUSES: ReadonlySet<SuspensionStatus> = new Set([
  'suspended',
  'rectification_filed',
  'awaiting_signatures',
  'closure_required',
]);

export interface SuspensionState {
  status: SuspensionStatus;
  respondentId: string;
  imposed: EnforcementStamp;
  rectifications: Array<{ summary: string; attachments: string[]; at: string; by: Actor }>;
  inspections: Array<{ passed: boolean; findings: string; inspectors: string[]; attempt: number; at: string; by: Actor }>;
  /** The signatures of the current passed inspection, in the policy's order. */
  signatures: Array<{ levelId: string; signer: string; opinion: string; at: string; by: Actor }>;
  checks: Array<{ checkedAt: string; producing: boolean; findings: string; by: Actor }>;
  missedChecks: string[];
  /** When the next supervision check is due, while supervised. */
  nextCheckDue?: string;
  resumedAt?: string;
}

export interface FineState {
  respondentId: string;
  amountYuan: number;
  upperLimitYuan: number;
  imposed: EnforcementStamp;
}

export interface ReferralState {
  respondentIds: string[];
  receivingAuthority: string;
  referred: EnforcementStamp;
  outcome?: { outcome: ReferralOutcome; decisionRef: string; at: string; by: Actor };
}

/** The authoritative record of one enforcement case (执法案件) against one unit. */
export interface EnforcementCaseState {
  caseId: string;
  unitId: string;
  regionId: string;
  industryId?: string;
  origin: CaseOrigin;
  sourceRef?: string;
  policy: EnforcementPolicy;
  opened: EnforcementStamp;
  respondents: Respondent[];
  violations: CaseViolation[];
  /** 涉嫌犯罪: once flagged, the case cannot close without a referral the judiciary answered. */
  criminal?: EnforcementStamp;
  fines: FineState[];
  referral?: ReferralState;
  suspension?: SuspensionState;
  closure?: EnforcementStamp & { afterFailedResumption: boolean };
  status: 'open' | 'closed';
  closed?: EnforcementStamp & { conclusion: string };
  lastSeq: number;
}
