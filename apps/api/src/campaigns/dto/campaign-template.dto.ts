import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import {
  CAMPAIGN_KIND_LABELS,
  CAMPAIGN_KINDS,
  type CampaignActivity,
  type CampaignEscalationStep,
  type CampaignKind,
  type CampaignPhase,
  type CampaignTarget,
  type CampaignTemplate,
  type InspectionTier,
  type ReportRequirement,
} from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import {
  CampaignActivityView,
  CampaignCoverageRequirementView,
  CampaignEscalationStepView,
  CampaignPhaseView,
  CampaignTargetView,
  CheckItemView,
  InspectionTierView,
  ReportRequirementView,
} from '../views/campaign-template.view';

/**
 * The field is accepted here and checked in full by the domain (`validateCampaignTemplate`),
 * which names the exact offending path, e.g. `phases[1].duration.amount`.
 */
const CheckedByDomain = (options: Parameters<typeof ApiProperty>[0]) => applyDecorators(ApiProperty(options), Allow());

/**
 * 专项行动模板 (campaign template) as an office posts it, or inline in a launch. Only the
 * top-level shape is checked here (unknown fields refused); the domain checks every field and
 * nested entry before anything is stored or started, and unknown nested fields are refused by
 * name too.
 */
export class CampaignTemplateDto implements CampaignTemplate {
  @CheckedByDomain({ description: 'Template id (模板编号): 1–100 letters, digits, _ . : -; must not clash with a shipped or stored template.', example: 'hazard-sweep-2027' })
  id!: string;

  @CheckedByDomain({ description: '模板名称 (name).', example: '2027年建筑施工隐患大排查' })
  name!: string;

  @CheckedByDomain({ description: `类型 (kind): ${describeEnum(CAMPAIGN_KIND_LABELS)}.`, enum: CAMPAIGN_KINDS })
  kind!: CampaignKind;

  @CheckedByDomain({ description: '说明 (description).' })
  description!: string;

  @CheckedByDomain({ description: '依据 (source): the notice, speech or regulation the shape comes from.' })
  source!: string;

  @CheckedByDomain({ description: '阶段 (phases), in order; at least one.', type: () => [CampaignPhaseView] })
  phases!: CampaignPhase[];

  @CheckedByDomain({ description: '定期报送 (recurring reports: 一日一报, 周报).', type: () => [ReportRequirementView] })
  reports!: ReportRequirement[];

  @CheckedByDomain({ description: '目标 (targets).', type: () => [CampaignTargetView] })
  targets!: CampaignTarget[];

  @CheckedByDomain({ description: '三个全覆盖 (coverage required).', type: () => CampaignCoverageRequirementView })
  coverage!: CampaignTemplate['coverage'];

  @CheckedByDomain({ description: '检查项 (check items).', type: () => [CheckItemView] })
  checkItems!: CampaignTemplate['checkItems'];

  @CheckedByDomain({ description: '活动 (activities).', type: () => [CampaignActivityView] })
  activities!: CampaignActivity[];

  @CheckedByDomain({ description: '检查层级 (inspection tiers, 同步进行).', type: () => [InspectionTierView] })
  inspectionTiers!: InspectionTier[];

  @CheckedByDomain({ description: '督办升级阶梯 (ladder for missed obligations).', type: () => [CampaignEscalationStepView] })
  escalation!: CampaignEscalationStep[];
}
