import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsDubanId } from '../../http/is-duban-id.validator';
import { AuditTrailPageQuery } from '../../http/audit-trail-page.query';
import { FeedLimitQuery } from '../../http/paging.query';

/** `?date=YYYY-MM-DD` of the daily roll-up (一日一汇总). */
export class DailyReportsQuery {
  @ApiPropertyOptional({ description: '日期 (day), YYYY-MM-DD in China Standard Time; default today (CST).', example: '2026-12-01' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'date must be a day as YYYY-MM-DD (China Standard Time)' })
  date?: string;
}

/** Filters of a campaign's escalations (督办升级). */
export class CampaignEscalationsQuery extends FeedLimitQuery {
  @ApiPropertyOptional({ description: '单位编号 (unit id). Forced to the caller\'s own unit for a unit token.' })
  @IsOptional()
  @IsDubanId()
  unitId?: string;
}

/** Filter and page of a campaign's audit trail (履职记录). */
export class CampaignEventsQuery extends AuditTrailPageQuery {
  @ApiPropertyOptional({
    description: '单位编号 (unit id): that unit\'s events only; absent: the campaign\'s own and every unit\'s. A unit token gets the campaign\'s own events and its own.',
  })
  @IsOptional()
  @IsDubanId()
  unitId?: string;
}
