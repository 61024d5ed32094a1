import { TIP_OFF_CHANNELS, TIP_OFF_STATUSES, type TipOffChannel, type TipOffStatus } from '@duban/domain';
import { BooleanQueryField, EnumField, IdField } from '../../http/field-decorators';
import { PageQuery } from '../../http/paging.query';

/** Filters of the tip-off ledger (举报台账), always within the reader's territory (属地). */
export class ListTipOffsQuery extends PageQuery {
  @EnumField(TIP_OFF_STATUSES, {
    description: '状态 (status): awaiting_verification 待核查 | verified 核查属实 | not_verified 核查不属实.',
    optional: true,
  })
  status?: TipOffStatus;

  @BooleanQueryField({ description: '核查逾期 (verification overdue): true | false.' })
  overdue?: boolean;

  @EnumField(TIP_OFF_CHANNELS, { description: '举报渠道 (channel).', optional: true })
  channel?: TipOffChannel;

  @IdField({ description: '事故 (accident) id: the tips verified against it.', optional: true })
  accidentId?: string;
}
