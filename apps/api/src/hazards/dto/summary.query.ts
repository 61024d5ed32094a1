import { IdField } from '../../http/field-decorators';

/** Scope of the dashboard counts (统计). */
export class SummaryQuery {
  @IdField({ description: "责任单位 (responsible unit) id. Forced to the caller's own unit for a unit token.", optional: true })
  unitId?: string;

  @IdField({ description: '专项行动 (campaign) id.', optional: true })
  campaignId?: string;
}
