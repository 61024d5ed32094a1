import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One recorded hazard event (the audit trail: who, when, why). Append-only; (hazard_id, seq)
 * is the natural key, which makes re-recording after an activity retry a no-op.
 * `id` only gives rows a cheap, insertion-ordered surrogate key.
 */
@Entity({ name: 'hazard_event' })
@Unique('uq_hazard_event_hazard_id_seq', ['hazardId', 'seq'])
@Index('idx_hazard_event_type_at', ['type', 'at'])
@Index('idx_hazard_event_actor_unit_id', ['actorUnitId'])
export class HazardEventRecord {
  /** bigint: pg returns it as a string, which is what TypeORM maps it to. */
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'pk_hazard_event' })
  id!: string;

  @Column({ name: 'hazard_id', type: 'varchar' })
  hazardId!: string;

  @Column({ name: 'seq', type: 'integer' })
  seq!: number;

  @Column({ name: 'type', type: 'varchar' })
  type!: string;

  /** When it happened (the workflow's clock), not when it was written. */
  @Column({ name: 'at', type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'varchar' })
  actorId!: string;

  @Column({ name: 'actor_name', type: 'text' })
  actorName!: string;

  @Column({ name: 'actor_role', type: 'varchar' })
  actorRole!: string;

  @Column({ name: 'actor_unit_id', type: 'varchar', nullable: true })
  actorUnitId!: string | null;

  @Column({ name: 'reason', type: 'text' })
  reason!: string;

  /** The event's type-specific payload, as the domain defines it. */
  @Column({ name: 'data', type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;
}
