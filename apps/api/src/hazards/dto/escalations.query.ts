import { DateTimeField, IdField } from '../../http/field-decorators';
import { FeedLimitQuery } from '../../http/paging.query';

/** Filters of the escalation feed (督办升级: 提醒警示, 通报, 挂牌督办, 约谈 …). */
export class EscalationsQuery extends FeedLimitQuery {
  @IdField({ description: "责任单位 (the hazards' responsible unit) id. Forced to the caller's own unit for a unit token.", optional: true })
  unitId?: string;

  @DateTimeField({ description: 'Only escalations at or after this instant (起始时间), ISO 8601 date-time.', optional: true })
  since?: string;
}
