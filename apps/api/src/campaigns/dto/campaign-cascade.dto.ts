import { TEMPLATE_LIMITS, TEXT_LIMITS, type CampaignCascade, type CascadeRollUp, type CascadeSetupItem } from '@duban/domain';
import { IdField, NestedField, NestedListField, TextField } from '../../http/field-decorators';
import { CampaignEscalationStepDto, ReportRequirementDto } from './campaign-template-parts.dto';
import { TimeSpanDto } from './time-span.dto';

export class CascadeSetupItemDto implements CascadeSetupItem {
  @IdField({ description: "Set-up item id (部署任务编号); its obligation is `deliverable:<id>`, distinct from the units' deliverables." })
  id!: string;
  @TextField({
    description: '部署任务, e.g. 县级实施方案 (implementation plan), 领导小组 (leadership group), 工作台账 (ledgers).',
    max: TEXT_LIMITS.shortText,
  })
  name!: string;
  @NestedField(() => TimeSpanDto, { description: 'Due this long after the campaign starts, within the first phase (e.g. 9月5日前).' })
  dueAfter!: TimeSpanDto;
}

export class CascadeRollUpDto extends ReportRequirementDto implements CascadeRollUp {
  @IdField({ description: "The units' report it summarises (报送编号), at the same cadence and an earlier cut-off." }) rollUpOf!: string;
}

/**
 * 比照落实 (cascade): what every local government on the roster (县/区, 乡镇 政府, units of kind
 * `government`) owes instead of the units' obligations, on its own ladder, so a missed roll-up
 * escalates at the county, not at its units.
 */
export class CampaignCascadeDto implements CampaignCascade {
  @NestedListField(() => CascadeSetupItemDto, { description: '部署任务 (set-up items each government owes).', maxItems: TEMPLATE_LIMITS.items })
  setup!: CascadeSetupItemDto[];
  @NestedListField(() => CascadeRollUpDto, {
    description: "汇总 (roll-ups, e.g. 一日一汇总 of the units' 一日一报).",
    maxItems: TEMPLATE_LIMITS.items,
  })
  rollUps!: CascadeRollUpDto[];
  @NestedListField(() => CampaignEscalationStepDto, {
    description: "The governments' own ladder for missed set-up items and roll-ups.",
    maxItems: TEMPLATE_LIMITS.items,
  })
  escalation!: CampaignEscalationStepDto[];
}
