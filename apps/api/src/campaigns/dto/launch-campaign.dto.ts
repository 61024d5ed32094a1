import { MAX_CAMPAIGN_UNITS, TEXT_LIMITS, UNIT_KIND_LABELS, UNIT_KINDS, type CampaignScope, type ScopeUnit, type UnitKind } from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { DateTimeField, EnumField, IdField, NestedField, NestedListField, TextField } from '../../http/field-decorators';
import { CampaignTemplateDto } from './campaign-template.dto';

export class NamedRefDto {
  @IdField({ description: 'Id (编号): 1–100 letters, digits, _ . : -; unique in its list.', example: 'county-east' })
  id!: string;

  @TextField({ description: 'Name (名称).', max: TEXT_LIMITS.shortText, example: '东城区' })
  name!: string;
}

/** 责任单位 (responsible unit) in the scope. */
export class ScopeUnitDto implements ScopeUnit {
  @IdField({ description: '单位编号 (unit id): 1–100 letters, digits, _ . : -; unique in the scope.', example: 'unit-00017' })
  unitId!: string;

  @TextField({ description: '单位名称 (name).', max: TEXT_LIMITS.shortText, example: '东城建设集团' })
  name!: string;

  @EnumField(UNIT_KINDS, { description: `单位类型 (kind): ${describeEnum(UNIT_KIND_LABELS)}.` })
  kind!: UnitKind;

  @IdField({ description: '属地 (region id): one of `scope.regions` (else `campaign.scope.region_unknown`).', example: 'county-east' })
  regionId!: string;

  @IdField({
    description: '行业 (industry id): one of `scope.industries`; omit for 属地 units (governments, towns).',
    optional: true,
    example: 'construction',
  })
  industryId?: string;
}

/** 范围 (scope): regions × industries × units, with the named leaders (党政同责、一岗双责). */
export class CampaignScopeDto implements CampaignScope {
  @NestedListField(() => NamedRefDto, { description: '地区 (regions): at least one; ids unique (else `input.duplicate_id`).', minItems: 1 })
  regions!: NamedRefDto[];

  @NestedListField(() => NamedRefDto, { description: '行业 (industries): at least one; ids unique.', minItems: 1 })
  industries!: NamedRefDto[];

  @NestedListField(() => ScopeUnitDto, {
    description: `责任单位 (units): at least one, at most ${MAX_CAMPAIGN_UNITS} (a city's enterprises; the request body may be up to 5 MB).`,
    minItems: 1,
    maxItems: MAX_CAMPAIGN_UNITS,
  })
  units!: ScopeUnitDto[];

  @TextField({ description: '分管领导 (leader in charge).', max: TEXT_LIMITS.shortText, example: '分管副市长 王某' })
  leadLeader!: string;

  @TextField({ description: '牵头部门 (lead department).', max: TEXT_LIMITS.shortText, example: '市应急管理局' })
  leadDepartment!: string;
}

/** 发起专项行动: what the office asks for. Give either `templateId` or an inline `template` (else `campaign.template.choice_*`). */
export class LaunchCampaignDto {
  @TextField({ description: '专项行动名称 (name).', max: TEXT_LIMITS.title, example: '2027年春节前建筑施工隐患大排查' })
  name!: string;

  @IdField({
    description: '模板编号 (template id): a shipped template (GET /campaign-templates) or one an office posted. Or give `template`.',
    optional: true,
  })
  templateId?: string;

  @NestedField(() => CampaignTemplateDto, {
    description: 'An inline template (checked like POST /campaign-templates, errors prefixed `template.`). Or give `templateId`.',
    optional: true,
  })
  template?: CampaignTemplateDto;

  @NestedField(() => CampaignScopeDto, { description: '范围 (scope).' })
  scope!: CampaignScopeDto;

  @DateTimeField({
    description:
      '开始时间 (start of the first phase): ISO 8601 date-time with a zone; at most 1 day in the past (else `campaign.starts_at.too_early`).',
    example: '2027-01-01T00:00:00+08:00',
  })
  startsAt!: string;

  @TextField({
    description: "督办规则 (hazard policy) id for hazards found in the campaign; default: the API's first policy.",
    max: TEXT_LIMITS.shortText,
    optional: true,
    example: 'standard-2026',
  })
  hazardPolicyId?: string;
}
