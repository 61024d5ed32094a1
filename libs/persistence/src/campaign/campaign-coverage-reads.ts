import type { DataSource } from 'typeorm';
import type { CampaignCoverageRow } from './campaign-ledger-rows';
import type { Raw } from '../sql/row-values';

/** Every unit not removed from the campaign, in roster order, for the domain's coverage matrix (三个全覆盖). */
export async function coverageRows(dataSource: DataSource, campaignId: string): Promise<CampaignCoverageRow[]> {
  const rows: Raw[] = await dataSource.query(
    `SELECT unit_id, region_id, industry_id, inspections > 0 AS inspected, on_time + late > 0 AS reporting
       FROM campaign_unit WHERE campaign_id = $1 AND status <> 'removed'
      ORDER BY roster_index, unit_id`,
    [campaignId],
  );
  return rows.map((r) => ({
    unitId: r.unit_id,
    regionId: r.region_id,
    ...(r.industry_id === null ? {} : { industryId: r.industry_id }),
    inspected: r.inspected,
    reporting: r.reporting,
  }));
}
