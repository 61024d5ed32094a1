import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AccidentGrade, AccidentKind, AccidentSector, AccidentState, AuthorityLevel, Role } from '@duban/domain';

/**
 * One row per accident (事故台账): the queryable projection of its workflow's state, so lists,
 * control indicators (控制指标) and dashboards never fan out to Temporal. The workflow stays
 * authoritative; this row is rewritten from each newer snapshot (`version` = the last seq).
 */
@Entity({ name: 'accident_ledger' })
@Index('idx_accident_ledger_unit_id', ['unitId'])
@Index('idx_accident_ledger_region_id', ['regionId'])
@Index('idx_accident_ledger_occurred_at', ['occurredAt'])
@Index('idx_accident_ledger_grade', ['grade'])
export class AccidentLedgerEntry {
  @PrimaryColumn({ name: 'accident_id', type: 'varchar', primaryKeyConstraintName: 'pk_accident_ledger' })
  accidentId!: string;

  @Column({ name: 'workflow_id', type: 'varchar' })
  workflowId!: string;

  @Column({ name: 'unit_id', type: 'varchar' })
  unitId!: string;

  /** 事故发生地 (the county-level region). */
  @Column({ name: 'region_id', type: 'varchar' })
  regionId!: string;

  @Column({ name: 'industry', type: 'varchar' })
  industry!: string;

  @Column({ name: 'sector', type: 'varchar' })
  sector!: AccidentSector;

  @Column({ name: 'kind', type: 'varchar' })
  kind!: AccidentKind;

  @Column({ name: 'grade', type: 'varchar' })
  grade!: AccidentGrade;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'recorded_by_id', type: 'varchar' })
  recordedById!: string;

  @Column({ name: 'recorded_by_name', type: 'text' })
  recordedByName!: string;

  @Column({ name: 'recorded_by_role', type: 'varchar' })
  recordedByRole!: Role | 'system';

  /** The unit's own report, or a verified tip (then the unit concealed it: 瞒报). */
  @Column({ name: 'opened_from', type: 'varchar' })
  openedFrom!: 'unit_report' | 'tip_off';

  @Column({ name: 'deaths', type: 'integer' })
  deaths!: number;

  @Column({ name: 'missing', type: 'integer' })
  missing!: number;

  @Column({ name: 'serious_injuries', type: 'integer' })
  seriousInjuries!: number;

  /** 直接经济损失 in whole yuan: bigint, returned by pg as a string. */
  @Column({ name: 'direct_loss_yuan', type: 'bigint' })
  directLossYuan!: string;

  /** 瞒报/谎报 flags found (tip-offs, casualty changes beyond the window). */
  @Column({ name: 'concealment_flags', type: 'integer' })
  concealmentFlags!: number;

  /** null until an investigation group is set up (成立事故调查组). */
  @Column({ name: 'investigation_status', type: 'varchar', nullable: true })
  investigationStatus!: 'investigating' | 'closed' | null;

  @Column({ name: 'investigation_level', type: 'varchar', nullable: true })
  investigationLevel!: AuthorityLevel | null;

  @Column({ name: 'report_due', type: 'timestamptz', nullable: true })
  reportDue!: Date | null;

  @Column({ name: 'report_overdue', type: 'boolean' })
  reportOverdue!: boolean;

  /** 挂牌督办 by a higher committee: its level. */
  @Column({ name: 'listed_by_level', type: 'varchar', nullable: true })
  listedByLevel!: AuthorityLevel | null;

  /** How many of the four gates (四不放过) are still open; null before an investigation. */
  @Column({ name: 'open_gates', type: 'integer', nullable: true })
  openGates!: number | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'campaign_id', type: 'varchar', nullable: true })
  campaignId!: string | null;

  @Column({ name: 'policy_id', type: 'varchar' })
  policyId!: string;

  /** seq of the last event applied: an older snapshot never overwrites a newer one. */
  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'state', type: 'jsonb' })
  state!: AccidentState;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
