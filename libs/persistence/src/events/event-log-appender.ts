import type { EntityManager } from 'typeorm';
import { batches, batchSize, bulkValues } from '../sql/bulk-values';
import {
  assignExcluded,
  columnNames,
  differsFromExcluded,
  EntityTable,
  perDataSource,
  without,
  type PropertyOf,
  type TableColumn,
} from '../sql/entity-table';
import { ledgerEventValues, type LedgerEventColumns, type RecordedLedgerEvent } from './ledger-event-columns';

// Columns the database fills itself.
const DB_FILLED = ['id', 'recordedAt'] as const;

/** Appends one aggregate's events to its log, under `keys` (its key columns' values). */
export type EventLogAppend<K extends string, V extends RecordedLedgerEvent = RecordedLedgerEvent> = (
  manager: EntityManager,
  keys: Record<K, string>,
  events: readonly V[],
) => Promise<void>;

/**
 * The append of an event log (hazard_event, campaign_event, accident_event, …), whose entity
 * extends LedgerEventColumns: rows keyed by (`key`…, seq). Re-recording an event unchanged (a
 * retried activity) is a no-op; recording a seq again with other content replaces it. A
 * scheduled activity's events come from its input, which the history holds, so they never
 * differ; a local activity writes before its workflow task is durable, and when that task is
 * lost the retried one decides again, at a new time: the later write is the one history keeps
 * (a campaign unit's recordUnitEvents, a hazard's recordHazardEvents). Multi-row, in batches
 * under Postgres' parameter cap. `ownColumns` gives a log's columns beyond the shared ones, per
 * event (enforcement_event's legal_basis).
 */
export function eventLogAppender<
  E extends LedgerEventColumns & { id: unknown },
  K extends PropertyOf<E>,
  V extends RecordedLedgerEvent = RecordedLedgerEvent,
>(entity: new () => E, key: readonly K[], ownColumns?: (event: V) => Partial<Record<PropertyOf<E>, unknown>>): EventLogAppend<K, V> {
  const statements = perDataSource((dataSource) => {
    const table = EntityTable.of(dataSource, entity);
    // Typed by name only: each row is its keys, the shared columns and its own, which together are every column to write.
    const columns: ReadonlyArray<TableColumn> = without(table.columns, DB_FILLED);
    const insert = `INSERT INTO ${table.name} (${columnNames(columns)}) VALUES`;
    // `seq` and `recordedAt` are every log's (LedgerEventColumns): the aggregate's key and seq are unique.
    const shared = (property: string) => table.columns.filter((c) => c.property === property);
    const content = without(columns, [...key, 'seq']);
    const onConflict = `ON CONFLICT (${columnNames([...table.only(...key), ...shared('seq')])})
      DO UPDATE SET ${assignExcluded(content)}, ${columnNames(shared('recordedAt'))} = now()
      WHERE ${differsFromExcluded(table.name, content)}`;
    return { columns, batch: batchSize(columns), insert: (values: string) => `${insert} ${values} ${onConflict}` };
  });
  return async (manager, keys, events) => {
    const sql = statements(manager.connection);
    for (const batch of batches(events, sql.batch)) {
      const rows = batch.items.map((event): Record<string, unknown> => ({ ...keys, ...ledgerEventValues(event), ...ownColumns?.(event) }));
      const values = bulkValues(sql.columns, rows);
      await manager.query(sql.insert(values.sql), values.params);
    }
  };
}
