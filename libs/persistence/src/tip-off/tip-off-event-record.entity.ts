import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { LedgerEventColumns } from '../events/ledger-event-columns';

/**
 * One recorded tip-off event (举报核查的履职记录: who took it in, who verified it, when, why).
 * Append-only; (tip_off_id, seq) is the natural key, which makes re-recording after an activity retry a no-op.
 */
@Entity({ name: 'tip_off_event' })
@Unique('uq_tip_off_event_tip_off_id_seq', ['tipOffId', 'seq'])
@Index('idx_tip_off_event_type_at', ['type', 'at'])
export class TipOffEventRecord extends LedgerEventColumns {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'pk_tip_off_event' })
  id!: string;

  @Column({ name: 'tip_off_id', type: 'varchar' })
  tipOffId!: string;
}
