import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Role } from '@duban/domain';

/** 黑名单: an enterprise's entry on the list or its exit, each recorded once with who, when and why. */
@Entity({ name: 'blacklist_change' })
@Index('idx_blacklist_change_unit_id', ['unitId'])
export class BlacklistChangeRecord {
  /** rule:unit:entered-on:entry|exit (blacklistChangeKey). */
  @PrimaryColumn({ name: 'change_key', type: 'varchar', primaryKeyConstraintName: 'pk_blacklist_change' })
  changeKey!: string;

  @Column({ name: 'rule_id', type: 'varchar' })
  ruleId!: string;

  @Column({ name: 'unit_id', type: 'varchar' })
  unitId!: string;

  @Column({ name: 'kind', type: 'varchar' })
  kind!: 'entry' | 'exit';

  /** The China day of the change; the stay it belongs to entered on `entered_on`. */
  @Column({ name: 'on_day', type: 'varchar' })
  onDay!: string;

  @Column({ name: 'entered_on', type: 'varchar' })
  enteredOn!: string;

  /** Entry: the violations that put it there; exit: those found while listed. */
  @Column({ name: 'violation_ids', type: 'jsonb' })
  violationIds!: string[];

  /** 公开曝光 with the entry. */
  @Column({ name: 'exposure', type: 'boolean' })
  exposure!: boolean;

  @Column({ name: 'actor_id', type: 'varchar' })
  actorId!: string;

  @Column({ name: 'actor_name', type: 'text' })
  actorName!: string;

  @Column({ name: 'actor_role', type: 'varchar' })
  actorRole!: Role | 'system';

  @Column({ name: 'at', type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'reason', type: 'text' })
  reason!: string;

  @Column({ name: 'run_id', type: 'varchar' })
  runId!: string;
}
