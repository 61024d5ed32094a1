import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { UNIT_CAMPAIGN_STATUSES } from '@duban/domain';
import type { CampaignUnitStatus } from '@duban/persistence';
import { IsDubanId } from '../../http/is-duban-id.validator';
import { PageQuery } from '../../http/paging.query';

/** A unit's status in the campaign ledger: its workflow's, or `pending` before that starts. */
export const CAMPAIGN_UNIT_STATUSES: readonly CampaignUnitStatus[] = ['pending', ...UNIT_CAMPAIGN_STATUSES];

/** Filters of a campaign's units (单位任务台账). A unit token sees only its own unit. */
export class ListCampaignUnitsQuery extends PageQuery {
  @ApiPropertyOptional({
    description: '状态 (status): pending 待纳入 | active 进行中 | paused 已暂停 | removed 已移出 | closed 已结束.',
    enum: CAMPAIGN_UNIT_STATUSES,
  })
  @IsOptional()
  @IsIn(CAMPAIGN_UNIT_STATUSES)
  status?: CampaignUnitStatus;

  @ApiPropertyOptional({ description: '属地 (region id).' })
  @IsOptional()
  @IsDubanId()
  regionId?: string;

  @ApiPropertyOptional({ description: '行业 (industry id).' })
  @IsOptional()
  @IsDubanId()
  industryId?: string;

  @ApiPropertyOptional({ description: '单位编号 (unit id). Forced to the caller\'s own unit for a unit token; another unit is a 403.' })
  @IsOptional()
  @IsDubanId()
  unitId?: string;
}
