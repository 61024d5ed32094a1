import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsDubanId } from '../../http/is-duban-id.validator';

/** Scope of the dashboard counts (统计). */
export class SummaryQuery {
  @ApiPropertyOptional({ description: '责任单位 (responsible unit) id. Forced to the caller\'s own unit for a unit token.' })
  @IsOptional()
  @IsDubanId()
  unitId?: string;

  @ApiPropertyOptional({ description: '专项行动 (campaign) id.' })
  @IsOptional()
  @IsDubanId()
  campaignId?: string;
}
