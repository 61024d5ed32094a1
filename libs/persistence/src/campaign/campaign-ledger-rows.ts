import type {
  Actor,
  RollUpRosterUnit,
  RollUpSubmission,
  CampaignEventBody,
  CampaignKind,
  CampaignSchedule,
  CampaignStatus,
  EscalationInstrument,
  ListBounds,
  ObligationKind,
  PhaseExtensions,
  PhaseWindow,
  UnitCampaignStatus,
  UnitCounters,
  UnitEventBody,
  UnitKind,
} from '@duban/domain';

/** A campaign row as lists and detail views show it: camelCase, instants as ISO strings. */
export interface CampaignLedgerRow {
  campaignId: string;
  workflowId: string;
  name: string;
  kind: CampaignKind;
  templateId: string;
  scopeRegions: Array<{ id: string; name: string }>;
  scopeIndustries: Array<{ id: string; name: string }>;
  leadLeader: string;
  leadDepartment: string;
  /** Units in the launch scope. */
  unitCount: number;
  startsAt: string;
  endsAt: string;
  schedule: CampaignSchedule;
  phaseExtensions: PhaseExtensions;
  status: CampaignStatus;
  /** The phase the last recorded event fell in (null before the start, after the end, once closed). */
  currentPhaseId: string | null;
  currentPhase: PhaseWindow | null;
  /** Who launched it; `regionId`: their account's region (属地), null when bound by no territory. */
  launchedBy: { id: string; name: string; regionId: string | null };
  launchedAt: string | null;
  closedAt: string | null;
  /** seq of the last campaign-level event the row reflects. */
  version: number;
  updatedAt: string;
}

export interface CampaignListFilter {
  status?: CampaignStatus;
  kind?: CampaignKind;
  /** A reader's region and its path: only the campaigns on its line (libs/domain/src/scope/campaign-scope.ts). */
  line?: { regionId: string; regionPath: readonly string[] | null };
  /** Default 50, at most 500. */
  limit?: number;
  /** Default 0. */
  offset?: number;
}

/** 'pending': on the roster, its workflow has not recorded anything yet. */
export type CampaignUnitStatus = UnitCampaignStatus | 'pending';

export interface CampaignUnitRow {
  campaignId: string;
  unitId: string;
  rosterIndex: number;
  name: string;
  kind: UnitKind;
  regionId: string;
  industryId: string | null;
  status: CampaignUnitStatus;
  enrolledAt: string | null;
  counters: UnitCounters;
  escalationCount: number;
  lastEscalationInstrument: EscalationInstrument | null;
  lastEscalatedAt: string | null;
  hazardIds: string[];
  /** seq of the last unit event the row reflects; 0 for a roster-only row. */
  version: number;
  updatedAt: string;
}

export interface CampaignUnitFilter {
  status?: CampaignUnitStatus;
  /** Only units within the reader's bounds (属地, 行业, own unit). */
  bounds?: ListBounds;
  regionId?: string;
  industryId?: string;
  /** Default 50, at most 500. */
  limit?: number;
  /** Default 0. */
  offset?: number;
}

type EventCommon = { seq: number; at: string; actor: Actor; reason: string };

/**
 * One event of a campaign's audit trail: the campaign's own (`unitId` null) or one unit's.
 * `data` is typed by `type` as the domain defines it.
 */
export type CampaignEventRow = (CampaignEventBody & EventCommon & { unitId: null }) | (UnitEventBody & EventCommon & { unitId: string });

/** Where a campaign's audit trail is: the unit (null: the campaign's own events) and the seq there. */
export interface CampaignEventKey {
  unitId: string | null;
  seq: number;
}

export interface CampaignEventFilter {
  /** These units' events only (null: the campaign's own events); absent: all. */
  unitIds?: ReadonlyArray<string | null>;
  /** The campaign's own events, and those of units within the reader's bounds. */
  bounds?: ListBounds;
  /** Start after this event (a page's `next`). */
  after?: CampaignEventKey;
  /** Default 100, at most 500. */
  limit?: number;
}

export type CampaignEscalationRow = Extract<UnitEventBody, { type: 'escalated' }> & EventCommon & { unitId: string };

export interface CampaignEscalationFilter {
  unitId?: string;
  /** Only units within the reader's bounds (属地, 行业, own unit). */
  bounds?: ListBounds;
  /** Default 100, at most 500. */
  limit?: number;
}

export interface CampaignSubmissionRow {
  unitId: string;
  obligationId: string;
  kind: ObligationKind;
  submittedAt: string;
  onTime: boolean;
  zero: boolean;
  content: string;
  actorId: string;
}

export interface CampaignSubmissionFilter {
  /**
   * Obligation ids starting with this: the domain's obligationIdPrefix(kind) for one kind, or
   * a longer start of an id ('report:daily:', 'report:daily:2026-12-01'). No wildcards.
   */
  obligationIdPrefix?: string;
  unitId?: string;
  /** Only units within the reader's bounds (属地, 行业, own unit). */
  bounds?: ListBounds;
  /** Default 50, at most 500. */
  limit?: number;
  /** Default 0. */
  offset?: number;
}

/** 一日一报 for one day (China Standard Time): who reported, and which active units did not. */
export interface DailyReportStatus {
  date: string;
  received: Array<{ unitId: string; obligationId: string; onTime: boolean; zero: boolean; submittedAt: string }>;
  /** Active units enrolled before the day ended, with no report obligation of that day submitted (roster order). */
  missing: string[];
}

/** The roster and the day's report submissions, for the domain's rollUpsOfDay (一日一汇总 by county). */
export interface RollUpInputs {
  roster: RollUpRosterUnit[];
  submissions: RollUpSubmission[];
}

/** One unit's place in the coverage matrix (三个全覆盖): the domain's `CoverageUnit`, for `coverageMatrix`. */
export interface CampaignCoverageRow {
  unitId: string;
  regionId: string;
  /** Absent for units without an industry (属地: governments, towns). */
  industryId?: string;
  /** At least one inspection recorded. */
  inspected: boolean;
  /** At least one report submitted (on time or late). */
  reporting: boolean;
}

/** Hazards of the campaign in the hazard ledger (found during it and linked to it). */
export interface CampaignHazardCounts {
  found: number;
  signedOff: number;
  /** Signed off at or before the (current) deadline. */
  signedOffOnTime: number;
  /** Not signed off yet (awaiting a plan, rectifying or awaiting verification). */
  open: number;
  /** In status `rectifying`. */
  rectifying: number;
  /** Flagged overdue (signed-off ones included, as in the hazard summary). */
  overdue: number;
  /** Overdue and not yet signed off. */
  overdueOpen: number;
  listedForSupervision: number;
}

/** What a unit's assessment (考核) is computed from; also a valid input of the domain's `scoreUnit`. */
export interface CampaignUnitScoreInputs {
  unitId: string;
  name: string;
  /** Whether a target metric measures the unit (the domain's MEASURES_UNIT). */
  kind: UnitKind;
  regionId: string;
  industryId: string | null;
  status: CampaignUnitStatus;
  counters: UnitCounters;
  /** Escalations taken against the unit in the campaign. */
  escalations: number;
  /** The unit's hazards of this campaign in the hazard ledger. */
  hazards: {
    found: number;
    signedOff: number;
    /** Signed off at or before the deadline in the hazard ledger (after approved extensions). */
    rectifiedOnTime: number;
  };
}
