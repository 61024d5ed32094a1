import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One inspector assigned to one unit of a campaign (检查组分工), from an `inspector_assigned`
 * event; an `inspector_unassigned` event deletes it (the campaign's events keep the history).
 * The API checks inspections and findings against these rows before the unit's workflow does.
 */
@Entity({ name: 'campaign_inspection_assignment' })
@Index('idx_campaign_inspection_assignment_inspector', ['campaignId', 'inspectorId'])
export class CampaignInspectionAssignmentRecord {
  @PrimaryColumn({ name: 'campaign_id', type: 'varchar', primaryKeyConstraintName: 'pk_campaign_inspection_assignment' })
  campaignId!: string;

  @PrimaryColumn({ name: 'unit_id', type: 'varchar', primaryKeyConstraintName: 'pk_campaign_inspection_assignment' })
  unitId!: string;

  /** The inspector's account id (the actor id its tokens carry). */
  @PrimaryColumn({ name: 'inspector_id', type: 'varchar', primaryKeyConstraintName: 'pk_campaign_inspection_assignment' })
  inspectorId!: string;

  @Column({ name: 'inspector_name', type: 'text' })
  inspectorName!: string;

  @Column({ name: 'assigned_by_id', type: 'varchar' })
  assignedById!: string;

  @Column({ name: 'assigned_by_name', type: 'text' })
  assignedByName!: string;

  @Column({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt!: Date;

  @Column({ name: 'reason', type: 'text' })
  reason!: string;
}
