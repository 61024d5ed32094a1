import {
  AUTHORITY_LEVEL_LABELS,
  AUTHORITY_LEVELS,
  TEXT_LIMITS,
  type AuthorityLevel,
  type ExtendReportDeadlineArgs,
  type ListForSupervisionArgs,
  type OpenInvestigationArgs,
  type TakeOverArgs,
} from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { EnumField, IdField, NumberField, StringListField, TextField } from '../../http/field-decorators';

const LEVELS = describeEnum(AUTHORITY_LEVEL_LABELS);

/** 成立事故调查组: the team, at the level the grade names (一般 county, 较大 city, 重大 province, 特别重大 State Council) or higher. */
export class OpenInvestigationDto implements OpenInvestigationArgs {
  @TextField({ description: '调查组组长 (team leader).', max: TEXT_LIMITS.shortText, example: '张组长' })
  leader!: string;

  @StringListField({ description: '调查组成员 (members), by name.', max: TEXT_LIMITS.shortText, maxItems: 100 })
  members!: string[];

  @EnumField(AUTHORITY_LEVELS, {
    description: `调查级别 (level): ${LEVELS}; the grade’s level when absent (a lower one is a 400 naming level).`,
    optional: true,
  })
  level?: AuthorityLevel;

  @IdField({
    description: '专项行动 (campaign) id whose template raises investigations one level (事故调查处理要升级, 002 篇八).',
    optional: true,
  })
  upgradingCampaignId?: string;
}

/** 提级调查: a higher level takes the investigation over. */
export class TakeOverDto implements TakeOverArgs {
  @EnumField(AUTHORITY_LEVELS, { description: `接手的级别 (level taking over), above the current one: ${LEVELS}.` })
  level!: AuthorityLevel;

  @TextField({ description: '事由 (why).', max: TEXT_LIMITS.longText })
  reason!: string;
}

/** 挂牌督办令: a higher committee lists the accident and then tracks it. */
export class ListAccidentDto implements ListForSupervisionArgs {
  @EnumField(AUTHORITY_LEVELS, { description: `督办的安委会级别 (committee level), above the investigating level: ${LEVELS}.` })
  committeeLevel!: AuthorityLevel;

  @TextField({ description: '督办令文号 (order reference).', max: TEXT_LIMITS.shortText, example: '豫安委办〔2026〕12号' })
  orderRef!: string;

  @TextField({ description: '事由 (why).', max: TEXT_LIMITS.longText })
  reason!: string;
}

/** 延长调查期限: once, with approval, by at most the policy’s days (60 under 条例 第二十九条). */
export class ExtendReportDeadlineDto implements ExtendReportDeadlineArgs {
  @NumberField({ description: '延长天数 (days), whole number ≥ 1; at most the policy’s limit (60).', integer: true, min: 1, max: 366, example: 30 })
  days!: number;

  @TextField({ description: '批准 (approval: who approved, the document).', max: TEXT_LIMITS.shortText })
  approval!: string;

  @TextField({ description: '事由 (why).', max: TEXT_LIMITS.longText })
  reason!: string;
}
