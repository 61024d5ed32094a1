import { TEXT_LIMITS, type VerifyArgs } from '@duban/domain';
import { EnumField, TextField } from '../../http/field-decorators';

export const VERIFICATION_DECISIONS = ['accept', 'reject'] as const;

/** 验收 (verification) by the acceptance organiser: accept → 销号 (signed off); reject → back to 整改中. */
export class VerifyHazardDto implements VerifyArgs {
  @EnumField(VERIFICATION_DECISIONS, {
    description: '验收结论 (decision): accept 验收通过 (sign off, 销号) | reject 验收不通过 (back to rectifying).',
  })
  decision!: (typeof VERIFICATION_DECISIONS)[number];

  @TextField({ description: '验收意见 (comment); for a rejection, the reasons.', max: TEXT_LIMITS.longText })
  comment!: string;

  @TextField({
    description: '效果评价 (effect evaluation): required to accept a major hazard (重大隐患).',
    max: TEXT_LIMITS.longText,
    optional: true,
  })
  effectEvaluation?: string;
}
