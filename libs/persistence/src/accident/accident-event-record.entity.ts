import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { LedgerEventColumns } from '../events/ledger-event-columns';

/**
 * One recorded accident event (the audit trail of 四不放过: who, when, why). Append-only;
 * (accident_id, seq) is the natural key, which makes re-recording after an activity retry a no-op.
 */
@Entity({ name: 'accident_event' })
@Unique('uq_accident_event_accident_id_seq', ['accidentId', 'seq'])
@Index('idx_accident_event_type_at', ['type', 'at'])
export class AccidentEventRecord extends LedgerEventColumns {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'pk_accident_event' })
  id!: string;

  @Column({ name: 'accident_id', type: 'varchar' })
  accidentId!: string;
}
