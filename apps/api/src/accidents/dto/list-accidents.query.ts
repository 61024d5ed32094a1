import { ACCIDENT_GRADE_LABELS, ACCIDENT_GRADES, TEXT_LIMITS, type AccidentGrade } from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { BooleanQueryField, DateTimeField, EnumField, IdField, TextField } from '../../http/field-decorators';
import { PageQuery } from '../../http/paging.query';

export const INVESTIGATION_STATUS_FILTERS = ['none', 'investigating', 'closed'] as const;

/** Filters of the accident ledger (事故台账). A unit token sees only its own unit. */
export class ListAccidentsQuery extends PageQuery {
  @IdField({ description: "事故发生单位 (unit) id. Forced to the caller's own unit for a unit token.", optional: true })
  unitId?: string;

  @IdField({ description: '事故发生地 (region) id, exact match.', optional: true })
  regionId?: string;

  @TextField({ description: '行业 (industry), exact match.', max: TEXT_LIMITS.shortText, optional: true })
  industry?: string;

  @EnumField(ACCIDENT_GRADES, { description: `事故等级 (grade): ${describeEnum(ACCIDENT_GRADE_LABELS)}.`, optional: true })
  grade?: AccidentGrade;

  @EnumField(INVESTIGATION_STATUS_FILTERS, {
    description: '调查状态 (investigation): none 未启动调查 | investigating 调查中 | closed 已结案.',
    optional: true,
  })
  investigationStatus?: (typeof INVESTIGATION_STATUS_FILTERS)[number];

  @BooleanQueryField({ description: '四不放过 gates open (尚有未落实项): true | false.' })
  openGates?: boolean;

  @BooleanQueryField({ description: '挂牌督办 (listed by a higher committee): true | false.' })
  listed?: boolean;

  @BooleanQueryField({ description: '瞒报/谎报 found (concealment flags): true | false.' })
  concealed?: boolean;

  @DateTimeField({ description: '发生于此时或之后 (occurred at or after), ISO 8601.', optional: true })
  occurredFrom?: string;

  @DateTimeField({ description: '发生于此时之前 (occurred before, exclusive), ISO 8601.', optional: true })
  occurredBefore?: string;
}
