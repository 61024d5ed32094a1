import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TaskDeadline } from '@duban/domain';

/**
 * One task an office added below a campaign (比照落实: 下达本级任务), from its `task_added`
 * event: what it asks, when it is due, whom it binds, and who added it, in which region, when
 * and why. Each targeted unit owes it in its own workflow; this row is what the lists read.
 */
@Entity({ name: 'campaign_task' })
export class CampaignTaskRecord {
  @PrimaryColumn({ name: 'campaign_id', type: 'varchar', primaryKeyConstraintName: 'pk_campaign_task' })
  campaignId!: string;

  @PrimaryColumn({ name: 'task_id', type: 'varchar', primaryKeyConstraintName: 'pk_campaign_task' })
  taskId!: string;

  @Column({ name: 'title', type: 'text' })
  title!: string;

  /** What evidence a unit must hand in. */
  @Column({ name: 'evidence', type: 'text' })
  evidence!: string;

  /** The deadline as the office gave it (absolute, or a span from when it was added). */
  @Column({ name: 'deadline', type: 'jsonb' })
  deadline!: TaskDeadline;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  /** The work calendar a working-day deadline was counted on. */
  @Column({ name: 'calendar_version', type: 'varchar', nullable: true })
  calendarVersion!: string | null;

  @Column({ name: 'unit_ids', type: 'text', array: true })
  unitIds!: string[];

  /** Whether the office named the units (false: every roster unit within its territory). */
  @Column({ name: 'units_listed', type: 'boolean' })
  unitsListed!: boolean;

  @Column({ name: 'added_by_id', type: 'varchar' })
  addedById!: string;

  @Column({ name: 'added_by_name', type: 'text' })
  addedByName!: string;

  /** The adding office's region (属地); null for an office bound by no territory. */
  @Column({ name: 'region_id', type: 'varchar', nullable: true })
  regionId!: string | null;

  @Column({ name: 'added_at', type: 'timestamptz' })
  addedAt!: Date;

  @Column({ name: 'reason', type: 'text' })
  reason!: string;

  /** The campaign event that recorded it. */
  @Column({ name: 'seq', type: 'integer' })
  seq!: number;
}
