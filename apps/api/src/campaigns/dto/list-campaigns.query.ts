import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES, type CampaignKind, type CampaignStatus } from '@duban/domain';
import { LEDGER_PAGE_DEFAULT, LEDGER_PAGE_MAX } from '@duban/persistence';

/** Filters of the campaign list (专项行动台账). */
export class ListCampaignsQuery {
  @ApiPropertyOptional({ description: '状态 (status): running 进行中 | paused 已暂停 | closed 已结束.', enum: CAMPAIGN_STATUSES })
  @IsOptional()
  @IsIn(CAMPAIGN_STATUSES)
  status?: CampaignStatus;

  @ApiPropertyOptional({
    description: '类型 (kind): hundred_day_drive 百日安全生产活动 | big_inspection 安全生产大检查 | hazard_sweep 隐患大排查 | safety_month 安全生产月 | custom 自定义.',
    enum: CAMPAIGN_KINDS,
  })
  @IsOptional()
  @IsIn(CAMPAIGN_KINDS)
  kind?: CampaignKind;

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
