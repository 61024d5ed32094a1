import type { DataSource } from 'typeorm';
import type { CampaignHazardCounts, CampaignUnitScoreInputs } from './campaign-ledger-rows';
import type { Raw } from '../sql/row-values';
import type { CampaignUnitEntry } from './campaign-unit-entry.entity';
import { countersOf, unitColumns } from './campaign-unit-reads';

/**
 * 按期销号 over hazard_ledger rows: the domain's isSignedOffOnTime (libs/domain/src/hazard/
 * signed-off-on-time.ts) — signed off, no later than the deadline in force (after approved
 * extensions). signed-off-on-time.pg.spec holds this SQL and the domain function together.
 */
export const SIGNED_OFF_ON_TIME_SQL = `status = 'signed_off' AND signed_off_at <= deadline`;

/** The campaign's hazards in the hazard ledger (hazard_ledger.campaign_id). */
export async function campaignHazardCounts(dataSource: DataSource, campaignId: string): Promise<CampaignHazardCounts> {
  const rows: Raw[] = await dataSource.query(
    `SELECT count(*)::int AS found,
            count(*) FILTER (WHERE status = 'signed_off')::int AS signed_off,
            count(*) FILTER (WHERE ${SIGNED_OFF_ON_TIME_SQL})::int AS signed_off_on_time,
            count(*) FILTER (WHERE status <> 'signed_off')::int AS open,
            count(*) FILTER (WHERE status = 'rectifying')::int AS rectifying,
            count(*) FILTER (WHERE overdue)::int AS overdue,
            count(*) FILTER (WHERE overdue AND status <> 'signed_off')::int AS overdue_open,
            count(*) FILTER (WHERE listed_for_supervision)::int AS listed
       FROM hazard_ledger WHERE campaign_id = $1`,
    [campaignId],
  );
  const r = rows[0]!;
  return {
    found: r.found,
    signedOff: r.signed_off,
    signedOffOnTime: r.signed_off_on_time,
    open: r.open,
    rectifying: r.rectifying,
    overdue: r.overdue,
    overdueOpen: r.overdue_open,
    listedForSupervision: r.listed,
  };
}

type ScoreRecord = CampaignUnitEntry & { hazardsFound: number; hazardsSignedOff: number; hazardsOnTime: number };

/**
 * Per-unit assessment inputs (考核), in roster order: the unit's counters and escalations, and
 * its hazards in the hazard ledger (joined by campaign and unit).
 */
export async function unitScoreInputs(dataSource: DataSource, campaignId: string): Promise<CampaignUnitScoreInputs[]> {
  const rows: ScoreRecord[] = await dataSource.query(
    `SELECT ${unitColumns(dataSource).all},
            coalesce(h.found, 0) AS "hazardsFound",
            coalesce(h.signed_off, 0) AS "hazardsSignedOff",
            coalesce(h.on_time, 0) AS "hazardsOnTime"
       FROM campaign_unit u
       LEFT JOIN (
         SELECT unit_id,
                count(*)::int AS found,
                count(*) FILTER (WHERE status = 'signed_off')::int AS signed_off,
                count(*) FILTER (WHERE ${SIGNED_OFF_ON_TIME_SQL})::int AS on_time
           FROM hazard_ledger WHERE campaign_id = $1 GROUP BY unit_id
       ) h ON h.unit_id = u.unit_id
      WHERE u.campaign_id = $1
      ORDER BY u.roster_index, u.unit_id`,
    [campaignId],
  );
  return rows.map((r) => ({
    unitId: r.unitId,
    name: r.name,
    kind: r.kind,
    regionId: r.regionId,
    industryId: r.industryId,
    status: r.status,
    counters: countersOf(r),
    escalations: r.escalationCount,
    hazards: { found: r.hazardsFound, signedOff: r.hazardsSignedOff, rectifiedOnTime: r.hazardsOnTime },
  }));
}
