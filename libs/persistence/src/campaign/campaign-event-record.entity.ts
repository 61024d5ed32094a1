import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One recorded campaign or unit event (the audit trail: who was told what, what they reported,
 * what happened when they were late). Append-only. Campaign-level events have `unit_id` '' (not
 * NULL, so that (campaign_id, unit_id, seq) is a plain unique key): each unit workflow numbers
 * its own events, as the campaign workflow does.
 */
@Entity({ name: 'campaign_event' })
@Unique('uq_campaign_event_campaign_id_unit_id_seq', ['campaignId', 'unitId', 'seq'])
@Index('idx_campaign_event_campaign_id_type_at', ['campaignId', 'type', 'at'])
export class CampaignEventRecord {
  /** bigint: pg returns it as a string, which is what TypeORM maps it to. */
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'pk_campaign_event' })
  id!: string;

  @Column({ name: 'campaign_id', type: 'varchar' })
  campaignId!: string;

  /** '' for the campaign's own events. */
  @Column({ name: 'unit_id', type: 'varchar' })
  unitId!: string;

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
