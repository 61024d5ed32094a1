import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { HazardStatus } from '@duban/domain';

/**
 * A hazard linked to an accident as a rectification measure (整改措施, gate 3 of 四不放过), with
 * the status the accident last heard. Projected from the accident's state; read when the hazard
 * changes, so that its new status reaches every accident it serves (by hazard id, indexed).
 */
@Entity({ name: 'accident_rectification_link' })
@Index('idx_accident_rectification_link_hazard_id', ['hazardId'])
export class AccidentRectificationLink {
  @PrimaryColumn({ name: 'accident_id', type: 'varchar', primaryKeyConstraintName: 'pk_accident_rectification_link' })
  accidentId!: string;

  @PrimaryColumn({ name: 'hazard_id', type: 'varchar', primaryKeyConstraintName: 'pk_accident_rectification_link' })
  hazardId!: string;

  @Column({ name: 'status', type: 'varchar' })
  status!: HazardStatus;

  /** The accident's seq when this was projected: an older snapshot never overwrites a newer one. */
  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
