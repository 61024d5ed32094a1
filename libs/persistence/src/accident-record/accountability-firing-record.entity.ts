import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AccidentKind, AccountabilityActionStatus, AccountabilityRule, EscalationInstrument, Role } from '@duban/domain';

/**
 * One firing of an accountability rule (问责规则), recorded once (firing_key), with the accidents
 * that triggered it and the office's obligation it became: the summons held (约谈) and its minutes.
 */
@Entity({ name: 'accountability_firing' })
@Index('idx_accountability_firing_territory_period', ['territoryId', 'period'])
@Index('idx_accountability_firing_status', ['status'])
export class AccountabilityFiringRecord {
  /** rule:territory:period:kind (accountabilityFiringKey). */
  @PrimaryColumn({ name: 'firing_key', type: 'varchar', primaryKeyConstraintName: 'pk_accountability_firing' })
  firingKey!: string;

  @Column({ name: 'rule_id', type: 'varchar' })
  ruleId!: string;

  /** The rule as it was when it fired. */
  @Column({ name: 'rule', type: 'jsonb' })
  rule!: AccountabilityRule;

  @Column({ name: 'territory_id', type: 'varchar' })
  territoryId!: string;

  /** The rule's window: the calendar year, 'YYYY'. */
  @Column({ name: 'period', type: 'varchar' })
  period!: string;

  @Column({ name: 'kind', type: 'varchar', nullable: true })
  kind!: AccidentKind | null;

  @Column({ name: 'instrument', type: 'varchar' })
  instrument!: EscalationInstrument;

  @Column({ name: 'accident_ids', type: 'jsonb' })
  accidentIds!: string[];

  /** 'YYYY-MM-DD' (China day) the rule came to hold. */
  @Column({ name: 'fired_on', type: 'varchar' })
  firedOn!: string;

  @Column({ name: 'workflow_id', type: 'varchar' })
  workflowId!: string;

  @Column({ name: 'status', type: 'varchar' })
  status!: AccountabilityActionStatus;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'due', type: 'timestamptz' })
  due!: Date;

  @Column({ name: 'overdue_at', type: 'timestamptz', nullable: true })
  overdueAt!: Date | null;

  @Column({ name: 'held_at', type: 'timestamptz', nullable: true })
  heldAt!: Date | null;

  @Column({ name: 'minutes', type: 'text', nullable: true })
  minutes!: string | null;

  @Column({ name: 'recorded_by_id', type: 'varchar', nullable: true })
  recordedById!: string | null;

  @Column({ name: 'recorded_by_name', type: 'text', nullable: true })
  recordedByName!: string | null;

  @Column({ name: 'recorded_by_role', type: 'varchar', nullable: true })
  recordedByRole!: Role | 'system' | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true })
  recordedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
