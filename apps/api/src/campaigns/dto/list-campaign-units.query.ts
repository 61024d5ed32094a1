import { UNIT_CAMPAIGN_STATUSES } from '@duban/domain';
import type { CampaignUnitStatus } from '@duban/persistence';
import { EnumField, IdField } from '../../http/field-decorators';
import { PageQuery } from '../../http/paging.query';

/** A unit's status in the campaign ledger: its workflow's, or `pending` before that starts. */
export const CAMPAIGN_UNIT_STATUSES: readonly CampaignUnitStatus[] = ['pending', ...UNIT_CAMPAIGN_STATUSES];

/** Filters of a campaign's units (单位任务台账). A unit token sees only its own unit. */
export class ListCampaignUnitsQuery extends PageQuery {
  @EnumField(CAMPAIGN_UNIT_STATUSES, {
    description: '状态 (status): pending 待纳入 | active 进行中 | paused 已暂停 | removed 已移出 | closed 已结束.',
    optional: true,
  })
  status?: CampaignUnitStatus;

  @IdField({ description: '属地 (region id).', optional: true })
  regionId?: string;

  @IdField({ description: '行业 (industry id).', optional: true })
  industryId?: string;

  @IdField({ description: "单位编号 (unit id). Forced to the caller's own unit for a unit token; another unit is a 403.", optional: true })
  unitId?: string;
}
