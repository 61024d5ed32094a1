import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CovertInspectionState, Role, Stratification } from '@duban/domain';

/**
 * One row per covert inspection (暗访台账): the queryable projection of its workflow's state, so
 * the ledger's lists never fan out to Temporal. The workflow stays authoritative; the row is
 * rewritten from each newer snapshot (`version`). The sample and the team are arrays so that a
 * list can show a unit only the inspections it was sampled in, and an inspector only its own plans.
 */
@Entity({ name: 'covert_inspection_ledger' })
@Index('idx_covert_inspection_ledger_region_id', ['regionId'])
@Index('idx_covert_inspection_ledger_status_planned_at', ['status', 'plannedAt'])
@Index('idx_covert_inspection_ledger_completed_at', ['completedAt'], { where: 'completed_at IS NOT NULL' })
export class CovertInspectionLedgerEntry {
  @PrimaryColumn({ name: 'inspection_id', type: 'varchar', primaryKeyConstraintName: 'pk_covert_inspection_ledger' })
  inspectionId!: string;

  @Column({ name: 'workflow_id', type: 'varchar' })
  workflowId!: string;

  @Column({ name: 'title', type: 'text' })
  title!: string;

  @Column({ name: 'status', type: 'varchar' })
  status!: CovertInspectionState['status'];

  /** The region of the office that runs it. */
  @Column({ name: 'region_id', type: 'varchar' })
  regionId!: string;

  /** The regions the sampled units are in (各县区), sorted, once each. */
  @Column({ name: 'sampled_region_ids', type: 'text', array: true })
  sampledRegionIds!: string[];

  /** The units drawn (随机抽查), in draw order. */
  @Column({ name: 'sampled_unit_ids', type: 'text', array: true })
  sampledUnitIds!: string[];

  @Column({ name: 'leader_account_id', type: 'varchar' })
  leaderAccountId!: string;

  @Column({ name: 'leader_name', type: 'text' })
  leaderName!: string;

  /** The leader's and the members' accounts: who may see the plan before it is done. */
  @Column({ name: 'team_account_ids', type: 'text', array: true })
  teamAccountIds!: string[];

  @Column({ name: 'seed', type: 'varchar' })
  seed!: string;

  @Column({ name: 'stratify_by', type: 'varchar' })
  stratifyBy!: Stratification;

  @Column({ name: 'candidate_count', type: 'integer' })
  candidateCount!: number;

  @Column({ name: 'sample_size', type: 'integer' })
  sampleSize!: number;

  @Column({ name: 'finding_count', type: 'integer' })
  findingCount!: number;

  /** 重大隐患 found. */
  @Column({ name: 'major_finding_count', type: 'integer' })
  majorFindingCount!: number;

  /** 现场整改指令 issued. */
  @Column({ name: 'order_count', type: 'integer' })
  orderCount!: number;

  /** Feedback obligations neither acknowledged nor overdue. */
  @Column({ name: 'open_feedback_count', type: 'integer' })
  openFeedbackCount!: number;

  /** Feedback obligations recorded overdue (not acknowledged by their due time), a late acknowledgement included. */
  @Column({ name: 'overdue_feedback_count', type: 'integer' })
  overdueFeedbackCount!: number;

  /** Major hazards listed for supervision (挂牌督办). */
  @Column({ name: 'listed_major_hazard_count', type: 'integer' })
  listedMajorHazardCount!: number;

  /** The earliest feedback still open, while one is. */
  @Column({ name: 'next_feedback_due', type: 'timestamptz', nullable: true })
  nextFeedbackDue!: Date | null;

  @Column({ name: 'planned_at', type: 'timestamptz' })
  plannedAt!: Date;

  @Column({ name: 'planned_by_id', type: 'varchar' })
  plannedById!: string;

  @Column({ name: 'planned_by_name', type: 'text' })
  plannedByName!: string;

  @Column({ name: 'planned_by_role', type: 'varchar' })
  plannedByRole!: Role | 'system';

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  /** seq of the last event applied: an older snapshot never overwrites a newer one. */
  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'state', type: 'jsonb' })
  state!: CovertInspectionState;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
