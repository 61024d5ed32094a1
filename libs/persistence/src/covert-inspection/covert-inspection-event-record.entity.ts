import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { LedgerEventColumns } from '../events/ledger-event-columns';

/**
 * One recorded covert-inspection event (暗访的履职记录: who planned, found, ordered, acknowledged,
 * when and why). Append-only; (inspection_id, seq) is the natural key, which makes re-recording
 * after an activity retry a no-op.
 */
@Entity({ name: 'covert_inspection_event' })
@Unique('uq_covert_inspection_event_inspection_id_seq', ['inspectionId', 'seq'])
@Index('idx_covert_inspection_event_type_at', ['type', 'at'])
export class CovertInspectionEventRecord extends LedgerEventColumns {
  @PrimaryGeneratedColumn('identity', {
    name: 'id',
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'pk_covert_inspection_event',
  })
  id!: string;

  @Column({ name: 'inspection_id', type: 'varchar' })
  inspectionId!: string;
}
