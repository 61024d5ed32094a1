import {
  MAX_CAMPAIGN_UNITS,
  TEXT_LIMITS,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  UNIT_STATUS_LABELS,
  UNIT_STATUSES,
  type CampaignScopeRequest,
  type RegistrySelector,
  type ScopeUnit,
  type UnitKind,
  type UnitStatus,
} from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import {
  DateTimeField,
  EnumField,
  EnumListField,
  IdField,
  NestedField,
  NestedListField,
  StringListField,
  TextField,
} from '../../http/field-decorators';
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

/** 单位库筛选 (a selector over the registry): each list absent or empty means "any". */
export class RegistrySelectorDto implements RegistrySelector {
  @StringListField({
    description: '地区 (region ids): these regions and everything below them.',
    ids: true,
    max: 100,
    maxItems: 1000,
    unique: true,
    optional: true,
  })
  regionIds?: string[];
  @StringListField({
    description: '行业 (industry ids): these industries and everything below them.',
    ids: true,
    max: 100,
    maxItems: 1000,
    unique: true,
    optional: true,
  })
  industryIds?: string[];
  @EnumListField(UNIT_KINDS, { description: `单位类型 (kinds): ${describeEnum(UNIT_KIND_LABELS)}.`, optional: true })
  kinds?: UnitKind[];
  @EnumListField(UNIT_STATUSES, {
    description: `生产状态 (enterprises' statuses): ${describeEnum(UNIT_STATUS_LABELS)}; 只管有证的不管无证的 is a failure, so unlicensed units are listed too.`,
    optional: true,
  })
  statuses?: UnitStatus[];
}

/**
 * 范围 (scope): regions × industries × units, with the named leaders (党政同责、一岗双责). Either a
 * roster in the body (`units` with `regions` and `industries`), or a `selector` resolved against
 * the registry (单位库) as of `startsAt` and recorded as the campaign's roster snapshot.
 */
export class CampaignScopeDto implements CampaignScopeRequest {
  @NestedListField(() => NamedRefDto, {
    description: '地区 (regions): at least one; ids unique (else `input.duplicate_id`). With `units`; omit with `selector`.',
    minItems: 1,
    optional: true,
  })
  regions?: NamedRefDto[];

  @NestedListField(() => NamedRefDto, {
    description:
      '行业 (industries): ids unique; at least one when an enterprise is on the roster, else may be empty (a roster of governments or departments). With `units`; omit with `selector`.',
    optional: true,
  })
  industries?: NamedRefDto[];

  @NestedListField(() => ScopeUnitDto, {
    description: `责任单位 (units): at least one, at most ${MAX_CAMPAIGN_UNITS} (a city's enterprises; the request body may be up to 5 MB). Or give \`selector\` (not both: \`campaign.scope.roster_choice_*\`).`,
    minItems: 1,
    maxItems: MAX_CAMPAIGN_UNITS,
    optional: true,
  })
  units?: ScopeUnitDto[];

  @NestedField(() => RegistrySelectorDto, {
    description:
      "单位库筛选 (selector): the registry's units in these regions × industries × kinds × statuses as of `startsAt` become the roster (regions and industries follow them). Instead of `units`.",
    optional: true,
  })
  selector?: RegistrySelectorDto;

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
