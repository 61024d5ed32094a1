import {
  ACCIDENT_GRADES,
  ACCIDENT_SECTORS,
  CONTROL_INDICATORS_MAX,
  TEXT_LIMITS,
  WARN_AT_MAX_ITEMS,
  type AccidentGrade,
  type AccidentSector,
  type ControlIndicatorEntry,
} from '@duban/domain';
import { EnumField, EnumListField, IdField, NestedListField, NumberField, NumberListField, TextField } from '../../http/field-decorators';

const SHARES = {
  min: 0,
  exclusiveMin: true,
  max: 1,
  maxItems: WARN_AT_MAX_ITEMS,
} as const;

/** One cap (控制指标) of a region's year, as the office enters it. */
export class ControlIndicatorEntryDto implements ControlIndicatorEntry {
  @IdField({
    description: '指标键 (key) within the region’s year, e.g. `deaths-all`; the cap’s id is `<regionId>:<year>:<key>`.',
    example: 'deaths-all',
  })
  key!: string;

  @TextField({ description: '指标名称 (label), e.g. 各类事故死亡人数.', max: TEXT_LIMITS.shortText })
  label!: string;

  @EnumField(['deaths', 'accidents'], { description: '计量 (measure): deaths 死亡人数 | accidents 事故起数.' })
  measure!: 'deaths' | 'accidents';

  @EnumListField(ACCIDENT_SECTORS, { description: '统计口径 (sectors) counted; absent: all.', optional: true })
  sectors?: AccidentSector[];

  @EnumListField(ACCIDENT_GRADES, { description: '事故等级 (grades) counted; absent: all.', optional: true })
  grades?: AccidentGrade[];

  @NumberField({ description: '上限 (cap): 控制在…以内 — reaching it is within, passing it a breach (突破).', integer: true, min: 0, max: 100_000 })
  cap!: number;

  @TextField({ description: '依据 (source): the document that sets it, e.g. 市安委会年度目标责任书.', max: TEXT_LIMITS.longText })
  source!: string;

  @NumberListField({
    ...SHARES,
    description: '本指标预警线 (this cap’s warning shares), strictly climbing in (0, 1]; absent: the set’s.',
    optional: true,
  })
  warnAt?: number[];
}

/** 控制指标: a region's caps for the year, put as a whole (they replace the earlier set, which is kept as a revision). */
export class PutControlIndicatorsDto {
  @NestedListField(() => ControlIndicatorEntryDto, {
    description: '各项控制指标 (the caps); an empty list clears them.',
    maxItems: CONTROL_INDICATORS_MAX,
  })
  indicators!: ControlIndicatorEntryDto[];

  @NumberListField({
    ...SHARES,
    description:
      '预警线 (warning shares) of the office for every cap, strictly climbing in (0, 1], e.g. [0.6, 0.8, 1]; absent: the standard policy’s.',
    optional: true,
  })
  warnAt?: number[];

  @TextField({ description: '理由 (reason) for setting or changing them.', max: TEXT_LIMITS.longText })
  reason!: string;
}
