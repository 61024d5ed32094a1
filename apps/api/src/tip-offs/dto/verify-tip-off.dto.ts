import {
  ACCIDENT_KINDS,
  ACCIDENT_SECTORS,
  TEXT_LIMITS,
  type AccidentKind,
  type AccidentReport,
  type AccidentSector,
  type Casualties,
  type TipOffVerification,
} from '@duban/domain';
import { BooleanField, DateTimeField, EnumField, IdField, NestedField, NumberField, StringListField, TextField } from '../../http/field-decorators';

const count = (description: string) => NumberField({ description, integer: true, min: 0 });

/** The casualties the verification found (核实的伤亡情况). */
export class VerifiedCasualtiesDto implements Casualties {
  @count('死亡人数 (deaths).')
  deaths!: number;

  @count('失踪人数 (missing).')
  missing!: number;

  @count('重伤人数 (serious injuries, incl. acute industrial poisoning).')
  seriousInjuries!: number;

  @count('直接经济损失 (direct economic loss), whole yuan.')
  directLossYuan!: number;
}

/** 事故情况: the facts of an accident not yet on record, as the verification established them (the casualties are the verification's). */
export class NewAccidentFactsDto implements Omit<AccidentReport, 'casualties'> {
  @DateTimeField({ description: '事故发生时间 (when it happened), ISO 8601.' })
  occurredAt!: string;

  @IdField({ description: '事故发生地 (county-level region id).' })
  regionId!: string;

  @TextField({ description: '事故地点 (location).', max: TEXT_LIMITS.shortText })
  location!: string;

  @IdField({ description: '事故发生单位 (the unit) id.' })
  unitId!: string;

  @TextField({ description: '行业 (industry), e.g. 建筑施工.', max: TEXT_LIMITS.shortText })
  industry!: string;

  @EnumField(ACCIDENT_SECTORS, { description: '统计口径 (sector).' })
  sector!: AccidentSector;

  @EnumField(ACCIDENT_KINDS, { description: '事故类别 (kind), e.g. collapse 坍塌.' })
  kind!: AccidentKind;

  @count('危及生命安全的人数 (lives endangered); 0 when none.')
  livesEndangered!: number;

  @TextField({ description: '事故简要经过 (brief account).', max: TEXT_LIMITS.longText })
  account!: string;

  @TextField({ description: '报告人 (who records it for the office).', max: TEXT_LIMITS.shortText })
  reporter!: string;

  @DateTimeField({ description: '报告时间 (when the office recorded it), ISO 8601; not in the future.' })
  reportedAt!: string;

  @IdField({ description: '专项行动 (campaign) id, when it happened during one.', optional: true })
  campaignId?: string;
}

/**
 * 核查结果: verified (属实) names the accident — `accidentId` of one on record (then 谎报 where its
 * numbers were understated), or `newAccident` (a record opened from the tip, 瞒报) — or not verified (不属实).
 */
export class VerifyTipOffDto implements Omit<TipOffVerification, 'casualties'> {
  @BooleanField({ description: '核查属实 (verified): true | false.' })
  verified!: boolean;

  @TextField({ description: '核查情况 (findings).', max: TEXT_LIMITS.longText })
  findings!: string;

  @NestedField(() => VerifiedCasualtiesDto, { description: '核实的伤亡 (casualties found); required when verified.', optional: true })
  casualties?: VerifiedCasualtiesDto;

  @StringListField({ description: '责任人员 (the unit’s principal and others answerable for the report).', max: TEXT_LIMITS.shortText, maxItems: 50 })
  responsiblePeople!: string[];

  @TextField({ description: '核查人 (who verified).', max: TEXT_LIMITS.shortText })
  verifiedBy!: string;

  @DateTimeField({ description: '核查时间 (when verified), ISO 8601; not in the future. After the 核查期限 it is recorded as late.' })
  verifiedAt!: string;

  @IdField({
    description: '已登记的事故 (the accident on record the tip is about) id; with verified only, and not with newAccident.',
    optional: true,
  })
  accidentId?: string;

  @NestedField(() => NewAccidentFactsDto, { description: '新事故情况 (an accident not on record): opens its record, flagged 瞒报.', optional: true })
  newAccident?: NewAccidentFactsDto;
}
