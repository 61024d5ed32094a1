import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One report a unit handed in for one obligation (一日一报, a phase deliverable, an activity
 * report), from its `report_submitted` event. The domain accepts one submission per obligation;
 * should two ever be recorded, the earlier event (lower `seq`) is the one kept.
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

  /** report | deliverable | activity: the obligation id's first segment. */
  @Column({ name: 'kind', type: 'varchar' })
  kind!: string;

  /** Unknown to the event that records the submission: null unless filled in later. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

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
