import { TEXT_LIMITS, TIP_OFF_CHANNELS, type TipOff, type TipOffChannel } from '@duban/domain';
import { DateTimeField, EnumField, IdField, TextField } from '../../http/field-decorators';

/** 举报受理: what the office takes in. Its id is the API's; the domain checks it again before the workflow starts. */
export class IntakeTipOffDto implements Omit<TipOff, 'tipOffId'> {
  @EnumField(TIP_OFF_CHANNELS, {
    description: '举报渠道 (channel): hotline 举报电话 | online 网络举报 | letter 来信 | visit 来访 | media 媒体报道.',
  })
  channel!: TipOffChannel;

  @TextField({
    description: '举报人 (informant): a name, 匿名 (anonymous), or for the media the outlet.',
    max: TEXT_LIMITS.shortText,
    example: '匿名',
  })
  informant!: string;

  @DateTimeField({ description: '受理时间 (when the tip reached the office), ISO 8601; not in the future. The 核查期限 runs from it.' })
  receivedAt!: string;

  @TextField({ description: '举报内容 (what the tip says).', max: TEXT_LIMITS.longText })
  account!: string;

  @IdField({ description: '属地 (region the tip is about), a registry region id; within the office’s territory.', example: '330106001' })
  regionId!: string;

  @IdField({ description: '被举报单位 (the unit the tip names), where it names one.', optional: true })
  unitId?: string;
}
