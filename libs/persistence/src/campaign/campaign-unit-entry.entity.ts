import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EscalationInstrument, UnitKind } from '@duban/domain';
import type { CampaignUnitStatus } from './campaign-ledger-rows';

/**
 * One row per unit per campaign: the roster (in a stable `roster_index` order, for launching
 * unit workflows page by page) and, once the unit's workflow reports, the projection of its
 * state (status, counters, escalations). A roster row starts `pending` at version 0.
 * This class is the table's one description (sql/entity-table.ts); the `score` column a first
 * migration added was never filled and is dropped (DropUnfilledCampaignColumns1764316800000).
 */
@Entity({ name: 'campaign_unit' })
@Index('idx_campaign_unit_roster', ['campaignId', 'rosterIndex'])
@Index('idx_campaign_unit_status', ['campaignId', 'status'])
@Index('idx_campaign_unit_region_industry', ['campaignId', 'regionId', 'industryId'])
export class CampaignUnitEntry {
  @PrimaryColumn({ name: 'campaign_id', type: 'varchar', primaryKeyConstraintName: 'pk_campaign_unit' })
  campaignId!: string;

  @PrimaryColumn({ name: 'unit_id', type: 'varchar', primaryKeyConstraintName: 'pk_campaign_unit' })
  unitId!: string;

  /** Position in the roster; (roster_index, unit_id) is the paging order. */
  @Column({ name: 'roster_index', type: 'integer' })
  rosterIndex!: number;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  /** government | department | enterprise. */
  @Column({ name: 'kind', type: 'varchar' })
  kind!: UnitKind;

  @Column({ name: 'region_id', type: 'varchar' })
  regionId!: string;

  @Column({ name: 'industry_id', type: 'varchar', nullable: true })
  industryId!: string | null;

  /** The region's path in the registry (root first), when the roster came from it; null for a roster in the body. */
  @Column({ name: 'region_path', type: 'text', array: true, nullable: true })
  regionPath!: string[] | null;

  /** 'pending' until the unit's workflow records, then its status (active, paused, removed, closed). */
  @Column({ name: 'status', type: 'varchar', default: 'pending' })
  status!: CampaignUnitStatus;

  @Column({ name: 'enrolled_at', type: 'timestamptz', nullable: true })
  enrolledAt!: Date | null;

  @Column({ name: 'due', type: 'integer', default: 0 })
  due!: number;

  @Column({ name: 'on_time', type: 'integer', default: 0 })
  onTime!: number;

  @Column({ name: 'late', type: 'integer', default: 0 })
  late!: number;

  @Column({ name: 'missed', type: 'integer', default: 0 })
  missed!: number;

  @Column({ name: 'zero_reports', type: 'integer', default: 0 })
  zeroReports!: number;

  @Column({ name: 'inspections', type: 'integer', default: 0 })
  inspections!: number;

  @Column({ name: 'findings', type: 'integer', default: 0 })
  findings!: number;

  @Column({ name: 'escalation_count', type: 'integer', default: 0 })
  escalationCount!: number;

  @Column({ name: 'last_escalation_instrument', type: 'varchar', nullable: true })
  lastEscalationInstrument!: EscalationInstrument | null;

  @Column({ name: 'last_escalated_at', type: 'timestamptz', nullable: true })
  lastEscalatedAt!: Date | null;

  /** Hazards the unit's findings opened (ids in the hazard ledger). */
  @Column({ name: 'hazard_ids', type: 'jsonb', default: () => "'[]'" })
  hazardIds!: string[];

  /** seq of the last unit event applied (0: roster only). */
  @Column({ name: 'version', type: 'integer', default: 0 })
  version!: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
