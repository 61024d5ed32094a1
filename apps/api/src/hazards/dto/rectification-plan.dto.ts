import { TEXT_LIMITS } from '@duban/domain';
import { NestedField, NumberField, TextField } from '../../http/field-decorators';

/** 资金到位: funds committed and where they come from. */
export class PlanFundsDto {
  @NumberField({ description: '资金 (amount committed), CNY 元; ≥ 0.', optional: true, min: 0, example: 50000 })
  amountYuan?: number;

  @TextField({
    description: '资金来源 (source of funds).',
    max: TEXT_LIMITS.shortText,
    optional: true,
    allowBlank: true,
    example: '企业安全生产费用',
  })
  source?: string;
}

/**
 * 一患一档一策: the rectification plan (整改方案). Every item is optional here, and may be blank,
 * on purpose: a plan missing items is refused by the domain's 五到位 check (责任、措施、资金、时限、
 * 预案到位), which lists ALL missing items at once (400, `code: hazard.plan.five_in_place_missing`,
 * `field: "plan"`, `missing`).
 */
export class RectificationPlanDto {
  @TextField({
    description: '责任到位 (responsibility): the named person answerable for the rectification (整改责任人).',
    max: TEXT_LIMITS.shortText,
    optional: true,
    allowBlank: true,
  })
  responsiblePerson?: string;

  @TextField({ description: '措施到位 (measures): what will be done.', max: TEXT_LIMITS.longText, optional: true, allowBlank: true })
  measures?: string;

  @NestedField(() => PlanFundsDto, { description: '资金到位 (funds): amount and source.', optional: true })
  funds?: PlanFundsDto;

  @TextField({
    description:
      "时限到位 (plan deadline), ISO 8601 date-time: in the future and not after the hazard's 整改期限 (rectification deadline); anything else is a missing 时限到位.",
    max: TEXT_LIMITS.shortText,
    optional: true,
    allowBlank: true,
  })
  deadline?: string;

  @TextField({
    description: '预案到位 (contingency plan): interim emergency measures while the hazard exists (应急预案).',
    max: TEXT_LIMITS.longText,
    optional: true,
    allowBlank: true,
  })
  contingencyPlan?: string;
}
