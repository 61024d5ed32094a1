import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EscalationInstrument, HazardGrade, HazardSource, HazardState, HazardStatus, ListingLevel, Role } from '@duban/domain';

/**
 * One row per hazard (一患一档): the queryable projection of its workflow's state, so lists
 * and dashboards never fan out to Temporal. The workflow stays authoritative; this row is
 * rewritten from each newer snapshot (`version` = the last event seq applied).
 *
 * This class is the table's one description (sql/entity-table.ts): the writer's and reader's
 * column lists come from it, and the migrations must produce exactly it (migrations.pg.spec).
 * Column types are spelled out everywhere: reflected metadata cannot express `string | null`.
 */
@Entity({ name: 'hazard_ledger' })
@Index('idx_hazard_ledger_unit_id', ['unitId'])
@Index('idx_hazard_ledger_status', ['status'])
@Index('idx_hazard_ledger_grade', ['grade'])
@Index('idx_hazard_ledger_industry', ['industry'])
// Partial indexes: the interesting rows (overdue, listed) are the few, and lists sort by deadline.
@Index('idx_hazard_ledger_overdue', ['deadline'], { where: 'overdue' })
@Index('idx_hazard_ledger_listed', ['deadline'], { where: 'listed_for_supervision' })
// Lists by listing level (市级挂牌督办 …) in deadline order; most rows are not listed.
@Index('idx_hazard_ledger_listing_level', ['listingLevel', 'deadline'], { where: 'listing_level IS NOT NULL' })
@Index('idx_hazard_ledger_campaign_id', ['campaignId'])
@Index('idx_hazard_ledger_deadline', ['deadline'])
// The other orders of GET /hazards?sort= (the deadline's is above), each ending with the id as the order does.
@Index('idx_hazard_ledger_reported_at', ['reportedAt', 'hazardId'])
@Index('idx_hazard_ledger_grade_deadline', ['grade', 'deadline', 'hazardId'])
export class HazardLedgerEntry {
  @PrimaryColumn({ name: 'hazard_id', type: 'varchar', primaryKeyConstraintName: 'pk_hazard_ledger' })
  hazardId!: string;

  @Column({ name: 'workflow_id', type: 'varchar' })
  workflowId!: string;

  @Column({ name: 'title', type: 'text' })
  title!: string;

  @Column({ name: 'description', type: 'text' })
  description!: string;

  @Column({ name: 'location', type: 'text' })
  location!: string;

  @Column({ name: 'industry', type: 'varchar' })
  industry!: string;

  @Column({ name: 'unit_id', type: 'varchar' })
  unitId!: string;

  @Column({ name: 'grade', type: 'varchar' })
  grade!: HazardGrade;

  @Column({ name: 'source', type: 'varchar' })
  source!: HazardSource;

  @Column({ name: 'finder', type: 'text' })
  finder!: string;

  @Column({ name: 'status', type: 'varchar' })
  status!: HazardStatus;

  /** The current deadline (after approved extensions). */
  @Column({ name: 'deadline', type: 'timestamptz' })
  deadline!: Date;

  /** The deadline the finder set: extensions never rewrite it. */
  @Column({ name: 'original_deadline', type: 'timestamptz' })
  originalDeadline!: Date;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt!: Date;

  @Column({ name: 'reported_by_id', type: 'varchar' })
  reportedById!: string;

  @Column({ name: 'reported_by_name', type: 'text' })
  reportedByName!: string;

  @Column({ name: 'reported_by_role', type: 'varchar' })
  reportedByRole!: Role | 'system';

  @Column({ name: 'campaign_id', type: 'varchar', nullable: true })
  campaignId!: string | null;

  @Column({ name: 'overdue', type: 'boolean' })
  overdue!: boolean;

  @Column({ name: 'listed_for_supervision', type: 'boolean' })
  listedForSupervision!: boolean;

  /** 挂牌督办: the level that lists it (county | city | province); null when never listed. */
  @Column({ name: 'listing_level', type: 'varchar', nullable: true })
  listingLevel!: ListingLevel | null;

  /** The region whose committee (安委会/安委办) listed it; null when the policy listed it and no office has acted. */
  @Column({ name: 'listing_region_id', type: 'varchar', nullable: true })
  listingRegionId!: string | null;

  /** 跟踪督办责任人, and the unit they track it for. */
  @Column({ name: 'listing_tracker_name', type: 'text', nullable: true })
  listingTrackerName!: string | null;

  @Column({ name: 'listing_tracker_unit_id', type: 'varchar', nullable: true })
  listingTrackerUnitId!: string | null;

  @Column({ name: 'listed_at', type: 'timestamptz', nullable: true })
  listedAt!: Date | null;

  /** 挂牌销号: when the listing level closed the listing, after the sign-off. */
  @Column({ name: 'delisted_at', type: 'timestamptz', nullable: true })
  delistedAt!: Date | null;

  @Column({ name: 'under_monitoring', type: 'boolean' })
  underMonitoring!: boolean;

  @Column({ name: 'extensions_granted', type: 'integer' })
  extensionsGranted!: number;

  @Column({ name: 'rejection_count', type: 'integer' })
  rejectionCount!: number;

  @Column({ name: 'last_escalation_instrument', type: 'varchar', nullable: true })
  lastEscalationInstrument!: EscalationInstrument | null;

  @Column({ name: 'last_escalated_at', type: 'timestamptz', nullable: true })
  lastEscalatedAt!: Date | null;

  @Column({ name: 'signed_off_at', type: 'timestamptz', nullable: true })
  signedOffAt!: Date | null;

  /** The policy the workflow started with (it keeps that copy even if the office edits it). */
  @Column({ name: 'policy_id', type: 'varchar' })
  policyId!: string;

  /** seq of the last event applied: an older snapshot never overwrites a newer one. */
  @Column({ name: 'version', type: 'integer' })
  version!: number;

  /** The full snapshot, for detail views once the workflow is closed. */
  @Column({ name: 'state', type: 'jsonb' })
  state!: HazardState;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
