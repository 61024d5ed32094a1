import type {
  Actor,
  CaseOrigin,
  EnforcementCaseState,
  EnforcementEventBody,
  EnforcementMeasure,
  ListBounds,
  ReferralOutcome,
  Role,
  SuspensionStatus,
} from '@duban/domain';

/** An enforcement case's ledger row (执法台账) as lists and detail views show it: camelCase, instants as ISO strings. */
export interface EnforcementLedgerRow {
  caseId: string;
  workflowId: string;
  unitId: string;
  regionId: string;
  industryId: string | null;
  origin: CaseOrigin;
  sourceRef: string | null;
  status: EnforcementCaseState['status'];
  /** Null when no suspension (停产整顿) was imposed. */
  suspensionStatus: SuspensionStatus | null;
  /** 停产中: suspended and still supervised. */
  suspended: boolean;
  suspendedAt: string | null;
  resumedAt: string | null;
  /** 上限处罚 over all respondents, in yuan; 0 when none. */
  fineTotalYuan: number;
  /** 移送司法. */
  referred: boolean;
  referralOutcome: ReferralOutcome | null;
  /** 关闭取缔. */
  closureImposed: boolean;
  /** 涉嫌犯罪. */
  criminal: boolean;
  respondentCount: number;
  violationCount: number;
  openedAt: string;
  openedBy: { id: string; name: string; role: Role | 'system' };
  closedAt: string | null;
  nextCheckDue: string | null;
  missedCheckCount: number;
  /** seq of the last event the row reflects. */
  version: number;
  updatedAt: string;
}

export interface EnforcementLedgerFilter {
  /** Only cases against the one unit asked for. */
  unitId?: string;
  /** Only cases against units within the reader's bounds (属地, 行业, own unit). */
  bounds?: ListBounds;
  /** Only cases filed in this region (the case's own region, not the ones below it). */
  regionId?: string;
  /** Only cases of this industry (the registry's industry id of the unit, exact match). */
  industryId?: string;
  status?: EnforcementCaseState['status'];
  origin?: CaseOrigin;
  /** Only cases where this measure of 四个一律 was decided (停产整顿, 关闭取缔, 上限处罚, 移送司法). */
  measure?: EnforcementMeasure;
  /** Only units suspended now (停产中: suspended and still supervised), or only those not. */
  suspended?: boolean;
  /** Opened (立案) at or after / before (exclusive) these instants. */
  openedFrom?: string;
  openedBefore?: string;
  suspensionStatus?: SuspensionStatus;
  /** Only cases referred (移送司法), or only those not referred. */
  referred?: boolean;
  /** Only cases flagged criminal (涉嫌犯罪), or only those not flagged. */
  criminal?: boolean;
  /** Only cases that closed the unit down (关闭取缔), or only those that did not. */
  closureImposed?: boolean;
  /** Default 50, at most 500. */
  limit?: number;
  /** Default 0. */
  offset?: number;
}

/** One event of a case's audit trail; `data` is typed by `type` as the domain defines it. */
export type EnforcementEventRow = EnforcementEventBody & { seq: number; at: string; actor: Actor; reason: string; legalBasis: string };

export interface EnforcementEventFilter {
  /** Start after this seq (a page's `next`). */
  afterSeq?: number;
  /** Default 100, at most 500. */
  limit?: number;
}
