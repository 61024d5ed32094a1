import {
  REFERRAL_OUTCOME_LABELS,
  REFERRAL_OUTCOMES,
  TEXT_LIMITS,
  type ImposeClosureArgs,
  type ImposeFineArgs,
  type ImposeSuspensionArgs,
  type RecordReferralOutcomeArgs,
  type ReferralOutcome,
  type ReferToJudiciaryArgs,
} from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { EnumField, IdField, NumberField, StringListField, TextField } from '../../http/field-decorators';

const reason = (what: string) => TextField({ description: `事由 (${what}).`, max: TEXT_LIMITS.longText });
const legalBasis = (what: string) =>
  TextField({ description: `法律依据 (${what}).`, max: TEXT_LIMITS.shortText, example: '《安全生产法》第一百一十三条' });
const yuan = (description: string) => NumberField({ description, integer: true, min: 1, max: 10_000_000_000, example: 2_000_000 });

/** 停产整顿: imposed on the enterprise (not a person); the unit stays supervised until resumed or closed. */
export class ImposeSuspensionDto implements ImposeSuspensionArgs {
  @IdField({ description: '当事人编号 (the enterprise respondent).', example: 'r-company' })
  respondentId!: string;

  @reason('why the unit is suspended')
  reason!: string;

  @legalBasis('the article ordering the suspension')
  legalBasis!: string;
}

/** 上限处罚: the fine at the cited article's upper limit, on one respondent. */
export class ImposeFineDto implements ImposeFineArgs {
  @IdField({ description: '当事人编号 (the respondent fined).', example: 'r-legal' })
  respondentId!: string;

  @yuan('罚款金额 (amount), whole yuan; must equal `upperLimitYuan` (上限处罚).')
  amountYuan!: number;

  @yuan('所引条款的法定上限 (the cited article’s upper limit), whole yuan.')
  upperLimitYuan!: number;

  @reason('the facts the fine answers')
  reason!: string;

  @legalBasis('the article whose upper limit is applied')
  legalBasis!: string;
}

/** 移送司法: the respondents referred and the authority that receives them. */
export class ReferToJudiciaryDto implements ReferToJudiciaryArgs {
  @StringListField({
    description: '移送的当事人编号 (respondents referred), at least one.',
    max: 100,
    maxItems: 20,
    minItems: 1,
    unique: true,
    ids: true,
  })
  respondentIds!: string[];

  @TextField({ description: '接收机关 (receiving authority), e.g. 县公安局.', max: TEXT_LIMITS.shortText })
  receivingAuthority!: string;

  @reason('why it is referred')
  reason!: string;

  @legalBasis('the provision of the referral')
  legalBasis!: string;
}

/** 司法机关答复: the judiciary opened a criminal case, or returned it. */
export class RecordReferralOutcomeDto implements RecordReferralOutcomeArgs {
  @EnumField(REFERRAL_OUTCOMES, { description: `答复 (outcome): ${describeEnum(REFERRAL_OUTCOME_LABELS)}.` })
  outcome!: ReferralOutcome;

  @TextField({ description: '决定文书 (the decision’s reference), e.g. 立案决定书 文号.', max: TEXT_LIMITS.shortText })
  decisionRef!: string;

  @reason('what the judiciary decided')
  reason!: string;
}

/** 关闭取缔: final; after a failed resumption, or for an illegal business. */
export class ImposeClosureDto implements ImposeClosureArgs {
  @reason('why the unit is closed')
  reason!: string;

  @legalBasis('the article ordering the closure')
  legalBasis!: string;
}
