import {
  ACCIDENT_KIND_LABELS,
  ACCIDENT_KINDS,
  ACCIDENT_SECTOR_LABELS,
  ACCIDENT_SECTORS,
  TEXT_LIMITS,
  type AccidentKind,
  type AccidentReport,
  type AccidentSector,
} from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { DateTimeField, EnumField, IdField, NestedField, NumberField, TextField } from '../../http/field-decorators';
import { CasualtiesDto } from './casualties.dto';

/** 事故快报: the first report of an accident. The domain checks it again (time order, own unit) before any workflow starts. */
export class ReportAccidentDto implements Omit<AccidentReport, 'regionId' | 'livesEndangered'> {
  @DateTimeField({ description: '事故发生时间 (when it happened), ISO 8601 date-time; not after `reportedAt`.', example: '2026-08-21T02:00:00.000Z' })
  occurredAt!: string;

  @IdField({
    description:
      "事故发生地 (county-level region where it happened) id. Absent: the registry's (单位库) region of the unit; required when the registry does not know the unit (400 `registry.reference.unknown` naming regionId).",
    optional: true,
    example: '330106',
  })
  regionId?: string;

  @TextField({ description: '事故地点 (location).', max: TEXT_LIMITS.shortText, example: '梨林镇某化工企业污水池' })
  location!: string;

  @IdField({ description: '事故发生单位 (unit) id. A unit token reports only its own unit’s accidents.', example: 'unit-001' })
  unitId!: string;

  @TextField({ description: '行业 (industry), e.g. 建筑施工, 危险化学品.', max: TEXT_LIMITS.shortText, example: '危险化学品' })
  industry!: string;

  @EnumField(ACCIDENT_SECTORS, { description: `统计口径 (sector): ${describeEnum(ACCIDENT_SECTOR_LABELS)}.` })
  sector!: AccidentSector;

  @EnumField(ACCIDENT_KINDS, { description: `事故类别 (kind): ${describeEnum(ACCIDENT_KIND_LABELS)}.` })
  kind!: AccidentKind;

  @NestedField(() => CasualtiesDto, { description: '伤亡情况 (casualties); the grade (事故等级) is computed from them.' })
  casualties!: CasualtiesDto;

  @NumberField({
    description: '危及生命安全的人数 (lives endangered), for the city’s 2-hour rule (002 篇六); 0 when absent.',
    integer: true,
    min: 0,
    max: 100_000,
    optional: true,
  })
  livesEndangered?: number;

  @TextField({ description: '事故简要经过 (brief account).', max: TEXT_LIMITS.longText })
  account!: string;

  @TextField({
    description: '报告人 (who reports, e.g. the unit’s principal), by name.',
    max: TEXT_LIMITS.shortText,
    example: '王总 (企业主要负责人)',
  })
  reporter!: string;

  @DateTimeField({ description: '报告时间 (when the report was made), ISO 8601; not in the future.' })
  reportedAt!: string;

  @IdField({ description: '专项行动 (campaign) id, when it happened during a campaign.', optional: true })
  campaignId?: string;
}
