import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One aggregate found drifted by one run (台账偏差): what differed (the domain's LedgerDrift, or
 * why the workflow could not be read) and whether the run repaired it. (run, kind, aggregate) is
 * unique, so a retried activity writes its row once.
 */
@Entity({ name: 'reconciliation_drift' })
@Unique('uq_reconciliation_drift_run_id_kind_aggregate_id', ['runId', 'kind', 'aggregateId'])
export class ReconciliationDriftRecord {
  /** bigint: pg returns it as a string. Insertion order, for the report's order. */
  @PrimaryGeneratedColumn('identity', {
    name: 'id',
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_reconciliation_drift',
  })
  id!: string;

  @Column({ name: 'run_id', type: 'varchar' })
  runId!: string;

  @Column({ name: 'kind', type: 'varchar' })
  kind!: string;

  @Column({ name: 'aggregate_id', type: 'varchar' })
  aggregateId!: string;

  @Column({ name: 'workflow_id', type: 'varchar' })
  workflowId!: string;

  /** LedgerDrift, or `{ error }` when the workflow's state or history could not be read. */
  @Column({ name: 'drift', type: 'jsonb' })
  drift!: unknown;

  @Column({ name: 'repaired', type: 'boolean' })
  repaired!: boolean;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
