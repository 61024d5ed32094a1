import type { AccidentEventBody, AccidentGrade, AccidentKind, AccidentSector, Actor, AuthorityLevel, ListBounds, Role } from '@duban/domain';

/** An accident's ledger row (事故台账) as lists and detail views show it: camelCase, instants as ISO strings. */
export interface AccidentLedgerRow {
  accidentId: string;
  workflowId: string;
  unitId: string;
  regionId: string;
  industry: string;
  sector: AccidentSector;
  kind: AccidentKind;
  grade: AccidentGrade;
  occurredAt: string;
  recordedAt: string;
  recordedBy: { id: string; name: string; role: Role | 'system' };
  openedFrom: 'unit_report' | 'tip_off';
  casualties: { deaths: number; missing: number; seriousInjuries: number; directLossYuan: number };
  concealmentFlags: number;
  investigationStatus: 'investigating' | 'closed' | null;
  investigationLevel: AuthorityLevel | null;
  reportDue: string | null;
  reportOverdue: boolean;
  listedByLevel: AuthorityLevel | null;
  openGates: number | null;
  closedAt: string | null;
  campaignId: string | null;
  policyId: string;
  /** seq of the last event the row reflects. */
  version: number;
  updatedAt: string;
}

export interface AccidentLedgerFilter {
  unitId?: string;
  /** Only accidents of units within the reader's bounds (属地, 行业, own unit). */
  bounds?: ListBounds;
  regionId?: string;
  industry?: string;
  grade?: AccidentGrade;
  /** 'none': no investigation opened yet. */
  investigationStatus?: 'none' | 'investigating' | 'closed';
  /** Only accidents with (or without) 瞒报/谎报 found. */
  concealed?: boolean;
  /** Only accidents whose investigation has (true) or has not (false: none open, or no investigation yet) gates of 四不放过 open. */
  openGates?: boolean;
  /** Only accidents listed (挂牌督办) by a higher committee, or only those not listed. */
  listed?: boolean;
  /** Occurred at or after / before (exclusive) these instants. */
  occurredFrom?: string;
  occurredBefore?: string;
  /** Default 50, at most 500. */
  limit?: number;
  /** Default 0. */
  offset?: number;
}

/** One event of an accident's audit trail; `data` is typed by `type` as the domain defines it. */
export type AccidentEventRow = AccidentEventBody & { seq: number; at: string; actor: Actor; reason: string };

export interface AccidentEventFilter {
  /** Start after this seq (a page's `next`). */
  afterSeq?: number;
  /** Default 100, at most 500. */
  limit?: number;
}
