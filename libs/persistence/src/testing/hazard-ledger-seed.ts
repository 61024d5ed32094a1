import type { DataSource } from 'typeorm';

/** The shape of a seeded ledger: how many hazards over how many units, how many of them in one campaign. */
export interface HazardLedgerSeed {
  hazards: number;
  units: number;
  industries: number;
  /** Hazards i < campaignHazards belong to campaign `campaignId`. */
  campaignHazards: number;
  campaignId: string;
}

/** `unit-<n>`, `industry-<n>`: the ids the seed gives, for callers that pick filter values. */
export const seededUnitId = (n: number) => `unit-${n}`;
export const seededIndustry = (n: number) => `industry-${n}`;

/**
 * Fills hazard_ledger in one INSERT … SELECT generate_series (100,000 rows in seconds), with the
 * proportions a county's ledger has: 5% 重大, a status mix, 10% overdue, 2% listed (挂牌督办) at
 * county, city and province level, 1% under monitoring; then ANALYZE, so plans are the planner's
 * real ones. The jsonb snapshot is empty: lists never read it.
 */
export async function seedHazardLedger(dataSource: DataSource, seed: HazardLedgerSeed): Promise<void> {
  await dataSource.query(
    `INSERT INTO hazard_ledger (
       hazard_id, workflow_id, title, description, location, industry, unit_id, grade, source, finder, status,
       deadline, original_deadline, reported_at, reported_by_id, reported_by_name, reported_by_role, campaign_id,
       overdue, listed_for_supervision, listing_level, listing_region_id, listed_at, under_monitoring,
       extensions_granted, rejection_count, policy_id, version, state)
     SELECT 'seed-' || i, 'hazard-seed-' || i, '隐患 ' || i, '描述', '位置', 'industry-' || (i % $3), 'unit-' || (i % $2),
            CASE WHEN i % 20 = 0 THEN 'major' ELSE 'general' END, 'self_inspection', '排查人',
            (ARRAY['awaiting_plan', 'rectifying', 'rectifying', 'awaiting_verification', 'signed_off', 'signed_off'])[1 + i % 6],
            now() + ((i % 90) - 30) * interval '1 day', now() + ((i % 90) - 30) * interval '1 day', now() - (i % 365) * interval '1 day',
            'reporter', '排查人', 'inspector', CASE WHEN i < $4 THEN $5 END,
            i % 10 = 0, i % 50 = 0, CASE WHEN i % 50 = 0 THEN (ARRAY['county', 'city', 'province'])[1 + (i / 50) % 3] END,
            CASE WHEN i % 50 = 0 THEN 'region-1' END, CASE WHEN i % 50 = 0 THEN now() END, i % 100 = 0,
            0, 0, 'standard', 1, '{}'::jsonb
       FROM generate_series(0, $1 - 1) AS i`,
    [seed.hazards, seed.units, seed.industries, seed.campaignHazards, seed.campaignId],
  );
  await dataSource.query('ANALYZE hazard_ledger');
}
