import {
  TEXT_LIMITS,
  TIP_OFF_CHANNEL_LABELS,
  TIP_OFF_CHANNELS,
  type RecordTipOffArgs,
  type TipOff,
  type TipOffChannel,
  type TipOffVerification,
} from '@duban/domain';
import { describeEnum } from '../../http/describe-enum';
import { BooleanField, DateTimeField, EnumField, IdField, NestedField, StringListField, TextField } from '../../http/field-decorators';
import { CasualtiesDto } from './casualties.dto';

/** 举报 intake: who told the office, when, what, through which channel. */
export class TipOffDto implements TipOff {
  @IdField({ description: '举报编号 (tip-off id), unique on the accident’s record.', example: 'tip-2026-001' })
  tipOffId!: string;

  @EnumField(TIP_OFF_CHANNELS, { description: `渠道 (channel): ${describeEnum(TIP_OFF_CHANNEL_LABELS)}.` })
  channel!: TipOffChannel;

  @TextField({ description: '举报人 (informant), or 匿名 (anonymous); for the media, the outlet.', max: TEXT_LIMITS.shortText })
  informant!: string;

  @DateTimeField({ description: '受理时间 (received at), ISO 8601; not in the future.' })
  receivedAt!: string;

  @TextField({ description: '举报内容 (what the tip says).', max: TEXT_LIMITS.longText })
  account!: string;

  @IdField({ description: '所涉地区 (region) id.' })
  regionId!: string;

  @IdField({ description: '所涉单位 (unit) id, where the tip names one.', optional: true })
  unitId?: string;
}

/** 核查: what the verification found; verified numbers above the reported ones flag 谎报. */
export class TipOffVerificationDto implements TipOffVerification {
  @BooleanField({ description: '是否属实 (verified).' })
  verified!: boolean;

  @TextField({ description: '核查情况 (findings).', max: TEXT_LIMITS.longText })
  findings!: string;

  @NestedField(() => CasualtiesDto, { description: '核实的伤亡情况 (the real numbers), required when verified.', optional: true })
  casualties?: CasualtiesDto;

  @StringListField({
    description: '责任人员 (the unit’s principal and others answerable for the report), by name.',
    max: TEXT_LIMITS.shortText,
    maxItems: 50,
  })
  responsiblePeople!: string[];

  @TextField({ description: '核查人 (who verified).', max: TEXT_LIMITS.shortText })
  verifiedBy!: string;

  @DateTimeField({ description: '核查时间 (verified at), ISO 8601; not in the future.' })
  verifiedAt!: string;
}

/** A tip-off (举报) about an accident already on record, with its verification. */
export class RecordTipOffDto implements RecordTipOffArgs {
  @NestedField(() => TipOffDto, { description: '举报 (the tip).' })
  tip!: TipOffDto;

  @NestedField(() => TipOffVerificationDto, { description: '核查 (its verification).' })
  verification!: TipOffVerificationDto;
}
