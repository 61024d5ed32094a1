import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CampaignKind, CampaignSchedule, CampaignState, CampaignStatus, CampaignTemplate, HazardPolicy, PhaseExtensions } from '@duban/domain';

/**
 * One row per campaign (专项行动): the queryable projection of its workflow's state plus what
 * its units need to run (template, schedule, hazard policy), so thousands of unit workflows
 * load their plan from here instead of carrying it. The workflow stays authoritative; the row
 * is rewritten from each newer snapshot (`version` = the last campaign-level event seq applied).
 *
 * This class is the table's one description (sql/entity-table.ts): the writer's and reader's
 * column lists come from it, and the migrations must produce exactly it (migrations.pg.spec).
 */
@Entity({ name: 'campaign' })
@Index('idx_campaign_status', ['status'])
@Index('idx_campaign_kind', ['kind'])
export class CampaignLedgerEntry {
  @PrimaryColumn({ name: 'campaign_id', type: 'varchar', primaryKeyConstraintName: 'pk_campaign' })
  campaignId!: string;

  @Column({ name: 'workflow_id', type: 'varchar' })
  workflowId!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  /** The template's kind (hundred_day_drive, big_inspection, …). */
  @Column({ name: 'kind', type: 'varchar' })
  kind!: CampaignKind;

  /** The template the campaign runs (its own copy: later edits to the template never rewrite it). */
  @Column({ name: 'template', type: 'jsonb' })
  template!: CampaignTemplate;

  @Column({ name: 'template_id', type: 'varchar' })
  templateId!: string;

  /** The policy for hazards found in the campaign. */
  @Column({ name: 'hazard_policy', type: 'jsonb' })
  hazardPolicy!: HazardPolicy;

  @Column({ name: 'scope_regions', type: 'jsonb' })
  scopeRegions!: Array<{ id: string; name: string }>;

  @Column({ name: 'scope_industries', type: 'jsonb' })
  scopeIndustries!: Array<{ id: string; name: string }>;

  /** 分管领导. */
  @Column({ name: 'lead_leader', type: 'text' })
  leadLeader!: string;

  /** 牵头部门. */
  @Column({ name: 'lead_department', type: 'text' })
  leadDepartment!: string;

  /** Units in the launch scope (units added later are rows of campaign_unit, not counted here). */
  @Column({ name: 'unit_count', type: 'integer' })
  unitCount!: number;

  /** From the schedule, after extensions. */
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ name: 'schedule', type: 'jsonb' })
  schedule!: CampaignSchedule;

  @Column({ name: 'phase_extensions', type: 'jsonb' })
  phaseExtensions!: PhaseExtensions;

  @Column({ name: 'status', type: 'varchar' })
  status!: CampaignStatus;

  /** The phase the last recorded event fell in; null before the start, after the end, once closed. */
  @Column({ name: 'current_phase_id', type: 'varchar', nullable: true })
  currentPhaseId!: string | null;

  @Column({ name: 'launched_by_id', type: 'varchar' })
  launchedById!: string;

  @Column({ name: 'launched_by_name', type: 'text' })
  launchedByName!: string;

  /** The launching account's region (属地); null: launched by an account bound by no territory. */
  @Column({ name: 'launched_by_region_id', type: 'varchar', nullable: true })
  launchedByRegionId!: string | null;

  /** When the `launched` event happened; null until that event is recorded. */
  @Column({ name: 'launched_at', type: 'timestamptz', nullable: true })
  launchedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** seq of the last campaign-level event applied: an older snapshot never overwrites a newer one. */
  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'state', type: 'jsonb' })
  state!: CampaignState;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
