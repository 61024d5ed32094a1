import {
  RESPONDENT_ROLE_LABELS,
  RESPONDENT_ROLES,
  TEXT_LIMITS,
  type CaseOrigin,
  type CaseViolationInput,
  type Respondent,
  type RespondentRole,
} from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { BooleanField, DateTimeField, EnumField, IdField, TextField } from '../../http/field-decorators';

/** One party punished for the violation (一并处罚): the enterprise, its 法定代表人, its 实际控制人 … */
export class RespondentDto implements Respondent {
  @IdField({ description: '当事人编号 (respondent id), unique within the case; the measures name respondents by it.', example: 'r-company' })
  respondentId!: string;

  @EnumField(RESPONDENT_ROLES, { description: `当事人身份 (role): ${describeEnum(RESPONDENT_ROLE_LABELS)}.` })
  role!: RespondentRole;

  @TextField({ description: '名称或姓名 (name).', max: TEXT_LIMITS.shortText, example: '某煤业有限公司' })
  name!: string;
}

/** An illegal act found (违法行为); `serious` ones (严重非法违法行为) count towards the one-month rule. */
export class ViolationDto implements CaseViolationInput {
  @TextField({ description: '违法事实 (what was found).', max: TEXT_LIMITS.longText, example: '重大隐患逾期未整改, 超能力组织生产' })
  description!: string;

  @BooleanField({ description: '严重非法违法行为 (serious): counted by the rule of two within one month (关闭整顿).' })
  serious!: boolean;

  @DateTimeField({ description: '发现时间 (found at), ISO 8601; not in the future. Its China calendar day is what the rules count.' })
  foundAt!: string;

  @TextField({ description: '违反的法律条款 (legal basis of the violation).', max: TEXT_LIMITS.shortText, example: '《安全生产法》第一百一十三条' })
  legalBasis!: string;
}

/** Where a case opened through the API comes from; the hazard origins (隐患逾期, 整改不合格) are opened by Duban itself. */
export const OPENABLE_CASE_ORIGINS = ['office', 'inspection', 'covert_inspection', 'accident'] as const satisfies readonly CaseOrigin[];
export type OpenableCaseOrigin = (typeof OPENABLE_CASE_ORIGINS)[number];

export const OPENABLE_ORIGIN_LABELS: Record<OpenableCaseOrigin, string> = {
  office: '安委办直接立案 (opened by the office)',
  inspection: '监督检查 (inspection)',
  covert_inspection: '明察暗访 (covert inspection; `sourceRef` names it)',
  accident: '生产安全事故 (accident; `sourceRef` names it)',
};
