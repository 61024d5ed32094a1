import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One firing of a rule over the enforcement record (同一企业一个月内2次严重非法违法行为 → 关闭整顿),
 * recorded once: its key is the rule, the enterprise and the acts that triggered it.
 */
@Entity({ name: 'repeat_violation_firing' })
@Index('idx_repeat_violation_firing_unit_id', ['unitId'])
@Index('idx_repeat_violation_firing_region_id', ['regionId'])
export class RepeatViolationFiringRecord {
  /** rule:unit:violation ids (repeatViolationFiringKey). */
  @PrimaryColumn({ name: 'firing_key', type: 'varchar', primaryKeyConstraintName: 'pk_repeat_violation_firing' })
  firingKey!: string;

  @Column({ name: 'rule_id', type: 'varchar' })
  ruleId!: string;

  @Column({ name: 'unit_id', type: 'varchar' })
  unitId!: string;

  /** The region of the last triggering act's case. */
  @Column({ name: 'region_id', type: 'varchar' })
  regionId!: string;

  @Column({ name: 'violation_ids', type: 'jsonb' })
  violationIds!: string[];

  @Column({ name: 'case_ids', type: 'jsonb' })
  caseIds!: string[];

  /** China days 'YYYY-MM-DD': the first act's, the window's last (inclusive), the last act's. */
  @Column({ name: 'window_from', type: 'varchar' })
  windowFrom!: string;

  @Column({ name: 'window_to', type: 'varchar' })
  windowTo!: string;

  @Column({ name: 'fired_on', type: 'varchar' })
  firedOn!: string;

  @Column({ name: 'measure', type: 'text' })
  measure!: string;

  @Column({ name: 'accountable', type: 'text' })
  accountable!: string;

  /** The review run that found it first. */
  @Column({ name: 'run_id', type: 'varchar' })
  runId!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
