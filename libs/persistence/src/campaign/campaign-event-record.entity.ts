import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { LedgerEventColumns } from '../events/ledger-event-columns';

/**
 * One recorded campaign or unit event (the audit trail: who was told what, what they reported,
 * what happened when they were late). Append-only. Campaign-level events have `unit_id` '' (not
 * NULL, so that (campaign_id, unit_id, seq) is a plain unique key): each unit workflow numbers
 * its own events, as the campaign workflow does.
 */
/** The `unit_id` of a campaign's own events (NOT NULL keeps the unique key plain). */
export const CAMPAIGN_LEVEL_UNIT_ID = '';

@Entity({ name: 'campaign_event' })
@Unique('uq_campaign_event_campaign_id_unit_id_seq', ['campaignId', 'unitId', 'seq'])
@Index('idx_campaign_event_campaign_id_type_at', ['campaignId', 'type', 'at'])
@Index('idx_campaign_event_unit_id_type_at', ['unitId', 'type', 'at'])
export class CampaignEventRecord extends LedgerEventColumns {
  /** bigint: pg returns it as a string, which is what TypeORM maps it to. */
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'pk_campaign_event' })
  id!: string;

  @Column({ name: 'campaign_id', type: 'varchar' })
  campaignId!: string;

  /** '' for the campaign's own events (CAMPAIGN_LEVEL_UNIT_ID). */
  @Column({ name: 'unit_id', type: 'varchar' })
  unitId!: string;
}
