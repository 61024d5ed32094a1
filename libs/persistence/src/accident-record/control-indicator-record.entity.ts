import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AccidentGrade, AccidentSector, Role } from '@duban/domain';

/** 控制指标: one of an office's caps for a region and year (the domain's ControlIndicator), with who set it, when and why. */
@Entity({ name: 'control_indicator' })
@Index('idx_control_indicator_region_year', ['regionId', 'year'])
export class ControlIndicatorRecord {
  @PrimaryColumn({ name: 'id', type: 'varchar', primaryKeyConstraintName: 'pk_control_indicator' })
  id!: string;

  @Column({ name: 'region_id', type: 'varchar' })
  regionId!: string;

  @Column({ name: 'year', type: 'integer' })
  year!: number;

  @Column({ name: 'label', type: 'text' })
  label!: string;

  @Column({ name: 'measure', type: 'varchar' })
  measure!: 'deaths' | 'accidents';

  /** null: every sector counts. */
  @Column({ name: 'sectors', type: 'jsonb', nullable: true })
  sectors!: AccidentSector[] | null;

  /** null: every grade counts. */
  @Column({ name: 'grades', type: 'jsonb', nullable: true })
  grades!: AccidentGrade[] | null;

  @Column({ name: 'cap', type: 'integer' })
  cap!: number;

  @Column({ name: 'source', type: 'text' })
  source!: string;

  /** The office's warning shares for this cap; null: the review's standard policy. */
  @Column({ name: 'warn_at', type: 'jsonb', nullable: true })
  warnAt!: number[] | null;

  @Column({ name: 'set_by_id', type: 'varchar' })
  setById!: string;

  @Column({ name: 'set_by_name', type: 'text' })
  setByName!: string;

  @Column({ name: 'set_by_role', type: 'varchar' })
  setByRole!: Role | 'system';

  @Column({ name: 'set_at', type: 'timestamptz' })
  setAt!: Date;

  @Column({ name: 'reason', type: 'text' })
  reason!: string;
}
