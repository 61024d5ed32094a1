import type { EntityManager } from 'typeorm';
import {
  assignExcluded,
  columnNames,
  differsFromExcluded,
  EntityTable,
  perDataSource,
  rowPlaceholders,
  without,
  type ColumnValues,
  type PropertyOf,
} from '../sql/entity-table';

/** Writes one aggregate's row from its snapshot (every column but `notFromSnapshot`). */
export type VersionedRowUpsert<E, X extends PropertyOf<E>> = (
  manager: EntityManager,
  row: ColumnValues<E, Exclude<PropertyOf<E>, X>>,
) => Promise<void>;

/**
 * The upsert of an aggregate's read-model row (hazard, accident, campaign) from its snapshot,
 * which carries a `version` (the snapshot's lastSeq): every column but the key follows the
 * snapshot unless the row is newer — activities are at-least-once and may be reordered, so a
 * late, older snapshot must not overwrite a newer one. The same version written again with other
 * content replaces the row (unchanged, it is a no-op): a local activity (the hazard's
 * recordHazardEvents) writes before its workflow task is durable, and a lost task's retry decides
 * the step again (a new time) under the same seq — the later write is history's.
 * `notFromSnapshot` are the columns the database (updated_at) or another write fills.
 */
export function versionedRowUpsert<E extends { version: number }, K extends PropertyOf<E>, X extends PropertyOf<E>>(
  entity: new () => E,
  key: readonly K[],
  notFromSnapshot: readonly X[],
): VersionedRowUpsert<E, X> {
  const statements = perDataSource((dataSource) => {
    const table = EntityTable.of(dataSource, entity);
    const columns = table.except(...notFromSnapshot);
    const insert = `INSERT INTO ${table.name} (${columnNames(columns)}) VALUES`;
    const content = without(columns, key);
    const onConflict = `
      ON CONFLICT (${columnNames(table.only(...key))}) DO UPDATE SET
        ${assignExcluded(content)}, updated_at = now()
      WHERE ${table.name}.version < EXCLUDED.version
        OR (${table.name}.version = EXCLUDED.version AND ${differsFromExcluded(table.name, content)})`;
    return { columns, upsert: (values: string) => `${insert} (${values}) ${onConflict}` };
  });
  return async (manager, row) => {
    const sql = statements(manager.connection);
    const params: unknown[] = [];
    const values = rowPlaceholders(sql.columns, row, params);
    await manager.query(sql.upsert(values), params);
  };
}
