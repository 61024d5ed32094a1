import type {
  Actor,
  EscalationInstrument,
  HazardEventBody,
  HazardGrade,
  HazardLedgerSort,
  HazardSource,
  HazardStatus,
  ListBounds,
  ListingLevel,
  Role,
} from '@duban/domain';

/** A ledger row as lists and detail views show it: camelCase, instants as ISO strings. */
export interface HazardLedgerRow {
  hazardId: string;
  workflowId: string;
  title: string;
  description: string;
  location: string;
  industry: string;
  unitId: string;
  grade: HazardGrade;
  source: HazardSource;
  finder: string;
  status: HazardStatus;
  deadline: string;
  originalDeadline: string;
  reportedAt: string;
  reportedBy: { id: string; name: string; role: Role | 'system' };
  campaignId: string | null;
  overdue: boolean;
  listedForSupervision: boolean;
  /** 挂牌督办: level, committee's region, tracker, when listed and when closed (销号); all null when never listed. */
  listingLevel: ListingLevel | null;
  listingRegionId: string | null;
  listingTracker: { name: string; unitId: string | null } | null;
  listedAt: string | null;
  delistedAt: string | null;
  underMonitoring: boolean;
  extensionsGranted: number;
  rejectionCount: number;
  lastEscalationInstrument: EscalationInstrument | null;
  lastEscalatedAt: string | null;
  signedOffAt: string | null;
  policyId: string;
  /** seq of the last event the row reflects. */
  version: number;
  updatedAt: string;
}

export interface HazardLedgerFilter {
  unitId?: string;
  /** Only hazards of units within the reader's bounds (属地, 行业, own unit). */
  bounds?: ListBounds;
  industry?: string;
  grade?: HazardGrade;
  status?: HazardStatus;
  overdue?: boolean;
  listedForSupervision?: boolean;
  /** Listed at this level (挂牌督办 by a county, city or province committee). */
  listingLevel?: ListingLevel;
  campaignId?: string;
  /** The order (the domain's hazardLedgerOrder); default: most urgent deadline first. */
  sort?: HazardLedgerSort;
  /** Default 50, at most 500. */
  limit?: number;
  /** Default 0. */
  offset?: number;
}

/** One event of a hazard's audit trail; `data` is typed by `type` as the domain defines it. */
export type HazardEventRow = HazardEventBody & {
  seq: number;
  at: string;
  actor: Actor;
  reason: string;
};

export interface HazardEventFilter {
  /** Start after this seq (a page's `next`). */
  afterSeq?: number;
  /** Default 100, at most 500. */
  limit?: number;
}

export type HazardEscalationRow = HazardEventRow & { type: 'escalated'; hazardId: string };

export interface HazardEscalationFilter {
  /** The hazards' responsible unit (not the unit of whoever escalated). */
  unitId?: string;
  /** Only hazards of units within the reader's bounds (属地, 行业, own unit). */
  bounds?: ListBounds;
  /** Only escalations at or after this instant. */
  since?: Date;
  /** Default 100, at most 500. */
  limit?: number;
}

export interface HazardSummaryFilter {
  unitId?: string;
  /** Only hazards of units within the reader's bounds (属地, 行业, own unit). */
  bounds?: ListBounds;
  campaignId?: string;
}

export interface HazardLedgerSummary {
  total: number;
  byStatus: Record<HazardStatus, number>;
  byGrade: Record<HazardGrade, number>;
  /** Rows flagged overdue: what `list({ overdue: true })` returns (signed-off ones included). */
  overdue: number;
  /** Overdue and not yet signed off: the work still owed late. */
  overdueOpen: number;
  listedForSupervision: number;
  /** Listed hazards by the level that listed them (closed listings included). */
  byListingLevel: Record<ListingLevel, number>;
  /** Listings closed (挂牌销号) by their listing level. */
  delisted: number;
  underMonitoring: number;
}
