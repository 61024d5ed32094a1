import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { LedgerEventColumns } from '../events/ledger-event-columns';

/**
 * One recorded enforcement event (执法案件的履职记录: who decided, when, why, under which law).
 * Append-only; (case_id, seq) is the natural key, which makes re-recording after an activity retry a no-op.
 */
@Entity({ name: 'enforcement_event' })
@Unique('uq_enforcement_event_case_id_seq', ['caseId', 'seq'])
@Index('idx_enforcement_event_type_at', ['type', 'at'])
export class EnforcementEventRecord extends LedgerEventColumns {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'pk_enforcement_event' })
  id!: string;

  @Column({ name: 'case_id', type: 'varchar' })
  caseId!: string;

  /** The law or policy the step relied on (执法依据): every enforcement event names one. */
  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis!: string;
}
