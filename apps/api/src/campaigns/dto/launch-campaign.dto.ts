import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, IsArray, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { MAX_CAMPAIGN_UNITS, TEXT_LIMITS, UNIT_KIND_LABELS, UNIT_KINDS, type CampaignScope, type ScopeUnit, type UnitKind } from '@duban/domain';
import { IsDubanId } from '../../http/is-duban-id.validator';
import { describeEnum } from '../../http/describe-enum';
import { CampaignTemplateDto } from './campaign-template.dto';

/** Accepted here, checked by the domain (`validateCampaignLaunch`), which names the path, e.g. `scope.units[12].regionId`. */
const CheckedByDomain = (options: Parameters<typeof ApiProperty>[0]) => applyDecorators(ApiProperty(options), Allow());
const OptionalCheckedByDomain = (options: Parameters<typeof ApiPropertyOptional>[0]) => applyDecorators(ApiPropertyOptional(options), Allow());

export class NamedRefDto {
  @CheckedByDomain({ description: 'Id (编号): 1–100 letters, digits, _ . : -; unique in its list.', example: 'county-east' })
  id!: string;

  @CheckedByDomain({ description: 'Name (名称).', example: '东城区' })
  name!: string;
}

/** 责任单位 (responsible unit) in the scope. */
export class ScopeUnitDto implements ScopeUnit {
  @CheckedByDomain({ description: '单位编号 (unit id): 1–100 letters, digits, _ . : -; unique in the scope.', example: 'unit-00017' })
  unitId!: string;

  @CheckedByDomain({ description: '单位名称 (name).', example: '东城建设集团' })
  name!: string;

  @CheckedByDomain({ description: `单位类型 (kind): ${describeEnum(UNIT_KIND_LABELS)}.`, enum: UNIT_KINDS })
  kind!: UnitKind;

  @CheckedByDomain({ description: '属地 (region id): one of `scope.regions`.', example: 'county-east' })
  regionId!: string;

  @OptionalCheckedByDomain({ description: '行业 (industry id): one of `scope.industries`; omit for 属地 units (governments, towns).', example: 'construction' })
  industryId?: string;
}

/** 范围 (scope): regions × industries × units, with the named leaders (党政同责、一岗双责). */
export class CampaignScopeDto implements CampaignScope {
  @ApiProperty({ description: '地区 (regions): at least one.', type: () => [NamedRefDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => NamedRefDto)
  regions!: NamedRefDto[];

  @ApiProperty({ description: '行业 (industries): at least one.', type: () => [NamedRefDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => NamedRefDto)
  industries!: NamedRefDto[];

  @ApiProperty({
    description: `责任单位 (units): at least one, at most ${MAX_CAMPAIGN_UNITS} (a city's enterprises; the request body may be up to 5 MB).`,
    type: () => [ScopeUnitDto],
    maxItems: MAX_CAMPAIGN_UNITS,
  })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ScopeUnitDto)
  units!: ScopeUnitDto[];

  @CheckedByDomain({ description: '分管领导 (leader in charge).', example: '分管副市长 王某' })
  leadLeader!: string;

  @CheckedByDomain({ description: '牵头部门 (lead department).', example: '市应急管理局' })
  leadDepartment!: string;
}

/** 发起专项行动: what the office asks for. Give either `templateId` or an inline `template`. */
export class LaunchCampaignDto {
  @CheckedByDomain({ description: '专项行动名称 (name).', maxLength: TEXT_LIMITS.title, example: '2027年春节前建筑施工隐患大排查' })
  name!: string;

  @ApiPropertyOptional({ description: '模板编号 (template id): a shipped template (GET /campaign-templates) or one an office posted. Or give `template`.' })
  @IsOptional()
  @IsDubanId()
  templateId?: string;

  @ApiPropertyOptional({ description: 'An inline template (checked like POST /campaign-templates, errors prefixed `template.`). Or give `templateId`.', type: () => CampaignTemplateDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CampaignTemplateDto)
  template?: CampaignTemplateDto;

  @ApiProperty({ description: '范围 (scope).', type: () => CampaignScopeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CampaignScopeDto)
  scope!: CampaignScopeDto;

  @CheckedByDomain({
    description: '开始时间 (start of the first phase): ISO 8601 date-time with a zone; at most 1 day in the past.',
    format: 'date-time',
    example: '2027-01-01T00:00:00+08:00',
  })
  startsAt!: string;

  @ApiPropertyOptional({ description: '督办规则 (hazard policy) id for hazards found in the campaign; default: the API\'s first policy.', example: 'standard-2026' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_LIMITS.shortText)
  hazardPolicyId?: string;
}
