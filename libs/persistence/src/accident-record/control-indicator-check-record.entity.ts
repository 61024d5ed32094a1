import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ControlIndicator, EscalationInstrument, IndicatorStatus } from '@duban/domain';

/** One monthly check of one cap (按月检查): one row per indicator and month, rewritten by a re-run. */
@Entity({ name: 'control_indicator_check' })
@Index('idx_control_indicator_check_region_month', ['regionId', 'month'])
export class ControlIndicatorCheckRecord {
  @PrimaryColumn({ name: 'indicator_id', type: 'varchar', primaryKeyConstraintName: 'pk_control_indicator_check' })
  indicatorId!: string;

  /** 'YYYY-MM': the year is counted from 1 January to this month's end. */
  @PrimaryColumn({ name: 'month', type: 'varchar', primaryKeyConstraintName: 'pk_control_indicator_check' })
  month!: string;

  @Column({ name: 'region_id', type: 'varchar' })
  regionId!: string;

  /** The indicator as it was checked (its cap may change later). */
  @Column({ name: 'indicator', type: 'jsonb' })
  indicator!: ControlIndicator;

  @Column({ name: 'used', type: 'integer' })
  used!: number;

  /** used ÷ cap; null for a cap of 0. */
  @Column({ name: 'share', type: 'double precision', nullable: true })
  share!: number | null;

  @Column({ name: 'status', type: 'varchar' })
  status!: IndicatorStatus;

  @Column({ name: 'warning_at', type: 'double precision', nullable: true })
  warningAt!: number | null;

  /** On a breach: the instrument and 一票否决. */
  @Column({ name: 'breach', type: 'jsonb', nullable: true })
  breach!: { instrument: EscalationInstrument; veto: boolean } | null;

  @Column({ name: 'accident_ids', type: 'jsonb' })
  accidentIds!: string[];

  @Column({ name: 'checked_at', type: 'timestamptz' })
  checkedAt!: Date;
}
