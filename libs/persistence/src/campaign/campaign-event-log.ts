import type { EntityManager } from 'typeorm';
import { ledgerEventValues, type RecordedLedgerEvent } from '../events/ledger-event-columns';
import { batches, batchSize, bulkValues } from '../sql/bulk-values';
import { columnNames, EntityTable, perDataSource, type ColumnValues, type PropertyOf } from '../sql/entity-table';
import { CampaignEventRecord } from './campaign-event-record.entity';

/** A campaign-level or unit event as the domain records it. */
export type LedgerEvent = RecordedLedgerEvent;

// Columns the database fills itself.
const DB_FILLED = ['id', 'recordedAt'] as const;
type EventValues = ColumnValues<CampaignEventRecord, Exclude<PropertyOf<CampaignEventRecord>, (typeof DB_FILLED)[number]>>;

const statements = perDataSource((dataSource) => {
  const table = EntityTable.of(dataSource, CampaignEventRecord);
  const columns = table.except(...DB_FILLED);
  const insert = `INSERT INTO ${table.name} (${columnNames(columns)}) VALUES`;
  const onConflict = `ON CONFLICT (${columnNames(table.only('campaignId', 'unitId', 'seq'))}) DO NOTHING`;
  return { columns, batch: batchSize(columns), insert: (values: string) => `${insert} ${values} ${onConflict}` };
});

/**
 * Appends events to campaign_event, `unitId` '' (CAMPAIGN_LEVEL_UNIT_ID) for the campaign's own.
 * Keyed by (campaign_id, unit_id, seq) with DO NOTHING: re-recording after a retry is a no-op.
 */
export async function appendCampaignEvents(
  manager: EntityManager,
  campaignId: string,
  unitId: string,
  events: readonly LedgerEvent[],
): Promise<void> {
  const sql = statements(manager.connection);
  for (const batch of batches(events, sql.batch)) {
    const rows = batch.items.map((event): EventValues => ({
      campaignId,
      unitId,
      ...ledgerEventValues(event),
    }));
    const values = bulkValues(sql.columns, rows);
    await manager.query(sql.insert(values.sql), values.params);
  }
}
