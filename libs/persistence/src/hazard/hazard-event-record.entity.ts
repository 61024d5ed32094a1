import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { LedgerEventColumns } from '../events/ledger-event-columns';

/**
 * One recorded hazard event (the audit trail: who, when, why). Append-only; (hazard_id, seq)
 * is the natural key, which makes re-recording after an activity retry a no-op.
 * `id` only gives rows a cheap, insertion-ordered surrogate key.
 */
@Entity({ name: 'hazard_event' })
@Unique('uq_hazard_event_hazard_id_seq', ['hazardId', 'seq'])
@Index('idx_hazard_event_type_at', ['type', 'at'])
@Index('idx_hazard_event_actor_unit_id', ['actorUnitId'])
export class HazardEventRecord extends LedgerEventColumns {
  /** bigint: pg returns it as a string, which is what TypeORM maps it to. */
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'pk_hazard_event' })
  id!: string;

  @Column({ name: 'hazard_id', type: 'varchar' })
  hazardId!: string;
}
