import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { FeedLimitQuery } from '../../http/paging.query';
import { IsDubanId } from '../../http/is-duban-id.validator';

/** Filters of the escalation feed (督办升级: 提醒警示, 通报, 挂牌督办, 约谈 …). */
export class EscalationsQuery extends FeedLimitQuery {
  @ApiPropertyOptional({ description: '责任单位 (the hazards\' responsible unit) id. Forced to the caller\'s own unit for a unit token.' })
  @IsOptional()
  @IsDubanId()
  unitId?: string;

  @ApiPropertyOptional({ description: 'Only escalations at or after this instant (起始时间), ISO 8601 date-time.', format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;
}
