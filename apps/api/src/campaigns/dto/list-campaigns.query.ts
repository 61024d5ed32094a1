import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES, type CampaignKind, type CampaignStatus } from '@duban/domain';
import { EnumField } from '../../http/field-decorators';
import { PageQuery } from '../../http/paging.query';

/** Filters of the campaign list (专项行动台账). */
export class ListCampaignsQuery extends PageQuery {
  @EnumField(CAMPAIGN_STATUSES, { description: '状态 (status): running 进行中 | paused 已暂停 | closed 已结束.', optional: true })
  status?: CampaignStatus;

  @EnumField(CAMPAIGN_KINDS, {
    description:
      '类型 (kind): hundred_day_drive 百日安全生产活动 | big_inspection 安全生产大检查 | hazard_sweep 隐患大排查 | safety_month 安全生产月 | custom 自定义.',
    optional: true,
  })
  kind?: CampaignKind;
}
