import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { UNIT_CAMPAIGN_STATUSES } from '@duban/domain';
import { LEDGER_PAGE_DEFAULT, LEDGER_PAGE_MAX, type CampaignUnitStatus } from '@duban/persistence';
import { IsDubanId } from '../../hazards/dto/is-duban-id.validator';

/** A unit's status in the campaign ledger: its workflow's, or `pending` before that starts. */
export const CAMPAIGN_UNIT_STATUSES: readonly CampaignUnitStatus[] = ['pending', ...UNIT_CAMPAIGN_STATUSES];

/** Filters of a campaign's units (单位任务台账). A unit token sees only its own unit. */
export class ListCampaignUnitsQuery {
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

  @ApiPropertyOptional({ description: `Page size (每页条数), 1–${LEDGER_PAGE_MAX}; default ${LEDGER_PAGE_DEFAULT}.`, minimum: 1, maximum: LEDGER_PAGE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LEDGER_PAGE_MAX)
  limit?: number;

  @ApiPropertyOptional({ description: 'Rows to skip (偏移), ≥ 0; default 0.', minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
