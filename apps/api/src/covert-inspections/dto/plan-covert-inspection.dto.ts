import { STRATIFICATIONS, TEXT_LIMITS, type Stratification, type TeamMember } from '@duban/domain';
import { IdField, EnumField, NestedField, NestedListField, NumberField, StringListField, TextField } from '../../http/field-decorators';

/** A member of the named team (明察暗访组): the account that acts and the name on the record. */
export class TeamMemberDto implements TeamMember {
  @IdField({ description: '账号 (account id) of the team member.' })
  accountId!: string;

  @TextField({ description: '姓名 (name) on the record.', max: TEXT_LIMITS.shortText })
  name!: string;
}

/**
 * 暗访计划 (不打招呼、随机抽查): the office names the team and the scope; the API takes the units in
 * scope from the registry (单位库) and the domain draws the sample from the recorded seed.
 */
export class PlanCovertInspectionDto {
  @TextField({ description: '暗访名称 (title).', max: TEXT_LIMITS.title })
  title!: string;

  @IdField({ description: '区域 (region) id: the units in and below it are the candidates; within the office’s territory (属地).' })
  regionId!: string;

  @StringListField({
    description: '行业 (industry) ids: only units of these industries and those below them; absent: every industry.',
    max: 100,
    maxItems: 50,
    ids: true,
    optional: true,
  })
  industryIds?: string[];

  @NestedField(() => TeamMemberDto, { description: '组长 (team leader): the one who ends the inspection.' })
  leader!: TeamMemberDto;

  @NestedListField(() => TeamMemberDto, { description: '组员 (members) of the team.', maxItems: 20 })
  members!: TeamMemberDto[];

  @TextField({
    description: '随机种子 (seed): the same seed over the same candidates draws the same units; absent, the API draws one and records it.',
    max: TEXT_LIMITS.shortText,
    optional: true,
  })
  seed?: string;

  @EnumField(STRATIFICATIONS, { description: '分层 (stratify by): none | region 各县区 | industry 各行业 | region_industry.' })
  stratifyBy!: Stratification;

  @NumberField({ description: '每层抽取单位数 (units drawn per stratum).', integer: true, min: 1, max: 500 })
  perStratum!: number;
}
