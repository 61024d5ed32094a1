import { CAMPAIGN_KIND_LABELS, CAMPAIGN_KINDS, TEMPLATE_LIMITS, TEXT_LIMITS, type CampaignKind, type CampaignTemplate } from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { EnumField, IdField, NestedField, NestedListField, TextField } from '../../http/field-decorators';
import {
  CampaignActivityDto,
  CampaignEscalationStepDto,
  CampaignPhaseDto,
  CampaignTargetDto,
  CheckItemDto,
  CoverageRequirementDto,
  InspectionTierDto,
  ReportRequirementDto,
} from './campaign-template-parts.dto';
import { CampaignCascadeDto } from './campaign-cascade.dto';

const list = (what: string, maxItems: number = TEMPLATE_LIMITS.items, minItems?: number) => ({ description: what, maxItems, minItems });

/**
 * 专项行动模板 (campaign template) as an office posts it, or inline in a launch. Each value's form
 * is checked here (unknown fields refused, nested too); the domain then checks the rules across
 * values before anything is stored or started, naming the path (`phases[1].duration.amount`).
 */
export class CampaignTemplateDto implements CampaignTemplate {
  @IdField({
    description: 'Template id (模板编号): 1–100 letters, digits, _ . : -; must not clash with a shipped or stored template.',
    example: 'hazard-sweep-2027',
  })
  id!: string;

  @TextField({ description: '模板名称 (name).', max: TEXT_LIMITS.shortText, example: '2027年建筑施工隐患大排查' })
  name!: string;

  @EnumField(CAMPAIGN_KINDS, { description: `类型 (kind): ${describeEnum(CAMPAIGN_KIND_LABELS)}.` })
  kind!: CampaignKind;

  @TextField({ description: '说明 (description); may be empty.', max: TEXT_LIMITS.longText, allowBlank: true })
  description!: string;

  @TextField({ description: '依据 (source): the notice, speech or regulation the shape comes from.', max: TEXT_LIMITS.longText })
  source!: string;

  @NestedListField(() => CampaignPhaseDto, list('阶段 (phases), in order; at least one.', TEMPLATE_LIMITS.phases, 1))
  phases!: CampaignPhaseDto[];

  @NestedListField(() => ReportRequirementDto, list('定期报送 (recurring reports: 一日一报, 周报).'))
  reports!: ReportRequirementDto[];

  @NestedListField(() => CampaignTargetDto, list('目标 (targets).'))
  targets!: CampaignTargetDto[];

  @NestedField(() => CoverageRequirementDto, { description: '三个全覆盖 (coverage required).' })
  coverage!: CoverageRequirementDto;

  @NestedListField(() => CheckItemDto, list('检查项 (check items).'))
  checkItems!: CheckItemDto[];

  @NestedListField(() => CampaignActivityDto, list('活动 (activities).'))
  activities!: CampaignActivityDto[];

  @NestedListField(() => InspectionTierDto, list('检查层级 (inspection tiers, 同步进行).'))
  inspectionTiers!: InspectionTierDto[];

  @NestedListField(() => CampaignEscalationStepDto, list('督办升级阶梯 (ladder for missed obligations).'))
  escalation!: CampaignEscalationStepDto[];

  @NestedField(() => CampaignCascadeDto, {
    description: "比照落实 (cascade): what the roster's local governments owe instead; absent: every unit owes the same.",
    optional: true,
  })
  cascade?: CampaignCascadeDto;
}
