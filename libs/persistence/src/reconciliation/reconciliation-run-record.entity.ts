import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One run of reconciliation (台账核对): who started it and why, when it started and finished, and
 * its counts. `finished_at` stays null while it runs; the counts are written once, at the end.
 */
@Entity({ name: 'reconciliation_run' })
@Index('idx_reconciliation_run_started_at', ['startedAt'])
export class ReconciliationRunRecord {
  /** The run's workflow id. */
  @PrimaryColumn({ name: 'run_id', type: 'varchar', primaryKeyConstraintName: 'pk_reconciliation_run' })
  runId!: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ name: 'started_by_id', type: 'varchar' })
  startedById!: string;

  @Column({ name: 'started_by_name', type: 'text' })
  startedByName!: string;

  @Column({ name: 'started_by_role', type: 'varchar' })
  startedByRole!: string;

  @Column({ name: 'reason', type: 'text' })
  reason!: string;

  /** Aggregates compared with their workflow. */
  @Column({ name: 'checked', type: 'integer', default: 0 })
  checked!: number;

  /** Of those, with any drift (or whose workflow could not be read). */
  @Column({ name: 'drifted', type: 'integer', default: 0 })
  drifted!: number;

  @Column({ name: 'repaired', type: 'integer', default: 0 })
  repaired!: number;
}
