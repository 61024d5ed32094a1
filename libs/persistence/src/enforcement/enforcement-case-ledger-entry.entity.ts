import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CaseOrigin, EnforcementCaseState, ReferralOutcome, Role, SuspensionStatus } from '@duban/domain';

/**
 * One row per enforcement case (执法台账): the queryable projection of its workflow's state, so
 * lists of suspended units, referrals and closures never fan out to Temporal. The workflow stays
 * authoritative; the row is rewritten from each newer snapshot (`version`).
 */
@Entity({ name: 'enforcement_case_ledger' })
@Index('idx_enforcement_case_ledger_unit_id', ['unitId'])
@Index('idx_enforcement_case_ledger_region_id', ['regionId'])
@Index('idx_enforcement_case_ledger_opened_at', ['openedAt'])
@Index('idx_enforcement_case_ledger_status_opened_at', ['status', 'openedAt'])
@Index('idx_enforcement_case_ledger_origin', ['origin'])
@Index('idx_enforcement_case_ledger_suspension_status', ['suspensionStatus'], { where: 'suspension_status IS NOT NULL' })
// The supervision checks still to come (停产不停监管): a due list reads these alone.
@Index('idx_enforcement_case_ledger_next_check_due', ['nextCheckDue'], { where: 'next_check_due IS NOT NULL' })
// The few cases with a referral, a criminal flag or a closure: the flags' lists read only them.
@Index('idx_enforcement_case_ledger_referred', ['openedAt'], { where: 'referred' })
@Index('idx_enforcement_case_ledger_criminal', ['openedAt'], { where: 'criminal' })
@Index('idx_enforcement_case_ledger_closure_imposed', ['openedAt'], { where: 'closure_imposed' })
export class EnforcementCaseLedgerEntry {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', primaryKeyConstraintName: 'pk_enforcement_case_ledger' })
  caseId!: string;

  @Column({ name: 'workflow_id', type: 'varchar' })
  workflowId!: string;

  /** The enterprise the case is against (the registry's unit). */
  @Column({ name: 'unit_id', type: 'varchar' })
  unitId!: string;

  @Column({ name: 'region_id', type: 'varchar' })
  regionId!: string;

  @Column({ name: 'industry_id', type: 'varchar', nullable: true })
  industryId!: string | null;

  @Column({ name: 'origin', type: 'varchar' })
  origin!: CaseOrigin;

  /** The hazard, covert inspection or accident the case comes from. */
  @Column({ name: 'source_ref', type: 'varchar', nullable: true })
  sourceRef!: string | null;

  @Column({ name: 'status', type: 'varchar' })
  status!: EnforcementCaseState['status'];

  /** Where the suspension (停产整顿) stands; null when none was imposed. */
  @Column({ name: 'suspension_status', type: 'varchar', nullable: true })
  suspensionStatus!: SuspensionStatus | null;

  /** 停产中: suspended and still supervised (not resumed, not closed down). */
  @Column({ name: 'suspended', type: 'boolean' })
  suspended!: boolean;

  @Column({ name: 'suspended_at', type: 'timestamptz', nullable: true })
  suspendedAt!: Date | null;

  @Column({ name: 'resumed_at', type: 'timestamptz', nullable: true })
  resumedAt!: Date | null;

  /** The fines imposed (上限处罚), summed over the respondents, in whole yuan; 0 when none. */
  @Column({ name: 'fine_total_yuan', type: 'bigint' })
  fineTotalYuan!: string;

  /** 移送司法. */
  @Column({ name: 'referred', type: 'boolean' })
  referred!: boolean;

  /** The judiciary's answer, once given. */
  @Column({ name: 'referral_outcome', type: 'varchar', nullable: true })
  referralOutcome!: ReferralOutcome | null;

  /** 关闭取缔. */
  @Column({ name: 'closure_imposed', type: 'boolean' })
  closureImposed!: boolean;

  /** 涉嫌犯罪: the case cannot close on a fine alone. */
  @Column({ name: 'criminal', type: 'boolean' })
  criminal!: boolean;

  /** Who is punished together (一并处罚). */
  @Column({ name: 'respondent_count', type: 'integer' })
  respondentCount!: number;

  @Column({ name: 'violation_count', type: 'integer' })
  violationCount!: number;

  /** 立案. */
  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'opened_by_id', type: 'varchar' })
  openedById!: string;

  @Column({ name: 'opened_by_name', type: 'text' })
  openedByName!: string;

  @Column({ name: 'opened_by_role', type: 'varchar' })
  openedByRole!: Role | 'system';

  /** 结案. */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** The suspended unit's next supervision check, while it is supervised. */
  @Column({ name: 'next_check_due', type: 'timestamptz', nullable: true })
  nextCheckDue!: Date | null;

  /** Supervision checks not recorded by their due time. */
  @Column({ name: 'missed_check_count', type: 'integer' })
  missedCheckCount!: number;

  /** seq of the last event applied: an older snapshot never overwrites a newer one. */
  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'state', type: 'jsonb' })
  state!: EnforcementCaseState;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
