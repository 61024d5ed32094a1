import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { LEDGER_PAGE_MAX } from '@duban/persistence';
import { IsDubanId } from './is-duban-id.validator';

/** Filters of the escalation feed (督办升级: 提醒警示, 通报, 挂牌督办, 约谈 …). */
export class EscalationsQuery {
  @ApiPropertyOptional({ description: '责任单位 (the hazards\' responsible unit) id. Forced to the caller\'s own unit for a unit token.' })
  @IsOptional()
  @IsDubanId()
  unitId?: string;

  @ApiPropertyOptional({ description: 'Only escalations at or after this instant (起始时间), ISO 8601 date-time.', format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;

  @ApiPropertyOptional({ description: `At most this many (条数), 1–${LEDGER_PAGE_MAX}; default 100.`, minimum: 1, maximum: LEDGER_PAGE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LEDGER_PAGE_MAX)
  limit?: number;
}
