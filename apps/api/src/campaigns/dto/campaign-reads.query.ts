import { AuditTrailPageQuery } from '../../http/audit-trail-page.query';
import { DayField, IdField } from '../../http/field-decorators';
import { FeedLimitQuery } from '../../http/paging.query';

/** `?date=YYYY-MM-DD` of the daily roll-up (一日一汇总). */
export class DailyReportsQuery {
  @DayField({ description: '日期 (day), YYYY-MM-DD in China Standard Time; default today (CST).', optional: true, example: '2026-12-01' })
  date?: string;
}

/** Filters of a campaign's escalations (督办升级). */
export class CampaignEscalationsQuery extends FeedLimitQuery {
  @IdField({ description: "单位编号 (unit id). Forced to the caller's own unit for a unit token.", optional: true })
  unitId?: string;
}

/** Filter and page of a campaign's audit trail (履职记录). */
export class CampaignEventsQuery extends AuditTrailPageQuery {
  @IdField({
    description:
      "单位编号 (unit id): that unit's events only; absent: the campaign's own and every unit's. A unit token gets the campaign's own events and its own.",
    optional: true,
  })
  unitId?: string;
}
