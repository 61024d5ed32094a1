import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ControlIndicator, Role } from '@duban/domain';

/** One set of caps an office put for a region and year, kept as it was put: the record of who changed 控制指标, when and why. */
@Entity({ name: 'control_indicator_revision' })
export class ControlIndicatorRevisionRecord {
  @PrimaryColumn({ name: 'region_id', type: 'varchar', primaryKeyConstraintName: 'pk_control_indicator_revision' })
  regionId!: string;

  @PrimaryColumn({ name: 'year', type: 'integer', primaryKeyConstraintName: 'pk_control_indicator_revision' })
  year!: number;

  /** 1, 2, … within the region's year. */
  @PrimaryColumn({ name: 'revision', type: 'integer', primaryKeyConstraintName: 'pk_control_indicator_revision' })
  revision!: number;

  @Column({ name: 'indicators', type: 'jsonb' })
  indicators!: ControlIndicator[];

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
