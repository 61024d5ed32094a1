import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ObligationKind } from '@duban/domain';

/**
 * One report a unit handed in for one obligation (一日一报, a phase deliverable, an activity
 * report), from its `report_submitted` event. The domain accepts one submission per obligation;
 * should two ever be recorded, the earlier event (lower `seq`) is the one kept. The due time is
 * the obligation's (the domain computes it from the schedule), so it is not stored here: the
 * first migration's `due_at` was never filled and is dropped (DropUnfilledCampaignColumns1764316800000).
 */
@Entity({ name: 'campaign_submission' })
@Index('idx_campaign_submission_obligation_id', ['campaignId', 'obligationId'])
export class CampaignSubmissionRecord {
  @PrimaryColumn({ name: 'campaign_id', type: 'varchar', primaryKeyConstraintName: 'pk_campaign_submission' })
  campaignId!: string;

  @PrimaryColumn({ name: 'unit_id', type: 'varchar', primaryKeyConstraintName: 'pk_campaign_submission' })
  unitId!: string;

  /** e.g. `report:daily:2026-12-01`. */
  @PrimaryColumn({ name: 'obligation_id', type: 'varchar', primaryKeyConstraintName: 'pk_campaign_submission' })
  obligationId!: string;

  /** report | deliverable | activity: the obligation id's kind (the domain's parseObligationId). */
  @Column({ name: 'kind', type: 'varchar' })
  kind!: ObligationKind;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'on_time', type: 'boolean' })
  onTime!: boolean;

  /** 零报告. */
  @Column({ name: 'zero', type: 'boolean' })
  zero!: boolean;

  @Column({ name: 'content', type: 'text' })
  content!: string;

  @Column({ name: 'actor_id', type: 'varchar' })
  actorId!: string;

  /** The unit event that recorded it (campaign_event.seq for this unit). */
  @Column({ name: 'seq', type: 'integer' })
  seq!: number;
}
