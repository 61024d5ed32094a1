import type { EntityManager } from 'typeorm';
import type { ScopeUnit } from '@duban/domain';
import { batches, batchSize, bulkValues } from '../sql/bulk-values';
import { columnNames, EntityTable, perDataSource, type ColumnValues } from '../sql/entity-table';
import { CampaignUnitEntry } from './campaign-unit-entry.entity';

// A roster row is the unit's identity and place: status, counters and version have defaults.
const ROSTER_PROPERTIES = ['campaignId', 'unitId', 'rosterIndex', 'name', 'kind', 'regionId', 'industryId', 'regionPath'] as const;
type RosterValues = ColumnValues<CampaignUnitEntry, (typeof ROSTER_PROPERTIES)[number]>;

const statements = perDataSource((dataSource) => {
  const table = EntityTable.of(dataSource, CampaignUnitEntry);
  const columns = table.only(...ROSTER_PROPERTIES);
  const insert = `INSERT INTO ${table.name} (${columnNames(columns)}) VALUES`;
  const onConflict = `ON CONFLICT (${columnNames(table.only('campaignId', 'unitId'))}) DO NOTHING`;
  return { columns, batch: batchSize(columns), insert: (values: string) => `${insert} ${values} ${onConflict}` };
});

/**
 * The position after the roster's last, holding a lock until the transaction ends so that two
 * appends to one campaign's roster never take the same positions.
 */
export async function nextRosterIndex(manager: EntityManager, campaignId: string): Promise<number> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`duban:campaign_unit:${campaignId}`]);
  const next: Array<{ next: number }> = await manager.query(
    'SELECT coalesce(max(roster_index) + 1, 0)::int AS next FROM campaign_unit WHERE campaign_id = $1',
    [campaignId],
  );
  return next[0]!.next;
}

/** Inserts the units at positions `base + i`, ignoring units already on the roster; returns the roster's size. */
export async function insertRoster(manager: EntityManager, campaignId: string, units: readonly ScopeUnit[], base: number): Promise<number> {
  const sql = statements(manager.connection);
  for (const batch of batches(units, sql.batch)) {
    const rows = batch.items.map((unit, i): RosterValues => ({
      campaignId,
      unitId: unit.unitId,
      rosterIndex: base + batch.offset + i,
      name: unit.name,
      kind: unit.kind,
      regionId: unit.regionId,
      industryId: unit.industryId ?? null,
      regionPath: unit.regionPath ?? null,
    }));
    const values = bulkValues(sql.columns, rows);
    await manager.query(sql.insert(values.sql), values.params);
  }
  const counted: Array<{ total: number }> = await manager.query('SELECT count(*)::int AS total FROM campaign_unit WHERE campaign_id = $1', [
    campaignId,
  ]);
  return counted[0]!.total;
}
