import type { DataSource } from 'typeorm';
import { columnNames } from '../sql/entity-table';
import type { KindTables } from './ledger-reconciler';

/** A ledger row as the orphan scan needs it: its key, its aggregate's id as the report names it, its workflow's id. */
export interface LedgerRowRef {
  key: Record<string, string>;
  aggregateId: string;
  workflowId: string;
}

export interface LedgerRowsPage {
  rows: LedgerRowRef[];
  /** The key to go on after; null when this page was the last. */
  last: string[] | null;
}

/**
 * One page of a kind's ledger rows in key order (keyset paging: stable while rows are written),
 * only those updated since `updatedSince` when given, and never the rows the projection leaves
 * out of the scan. The workflow id is the row's own column, else derived from its key.
 */
export async function ledgerRowsPage(
  dataSource: DataSource,
  t: KindTables,
  options: { after: string[] | null; limit: number; updatedSince?: Date },
): Promise<LedgerRowsPage> {
  const { key, workflowId, table } = t.row;
  const params: unknown[] = [];
  const conditions: string[] = [];
  if (options.after !== null) {
    const placeholders = options.after.map((value) => {
      params.push(value);
      return `$${params.length}`;
    });
    conditions.push(`(${columnNames(key)}) > (${placeholders.join(', ')})`);
  }
  if (options.updatedSince) {
    params.push(options.updatedSince.toISOString());
    conditions.push(`updated_at >= $${params.length}::timestamptz`);
  }
  if (t.projection.orphanScanExcludes) conditions.push(`NOT (${t.projection.orphanScanExcludes})`);
  params.push(options.limit);
  const selected = workflowId ? [...key, workflowId] : key;
  const rows: Array<Record<string, string>> = await dataSource.query(
    `SELECT ${columnNames(selected)} FROM ${table} ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
      ORDER BY ${columnNames(key)} LIMIT $${params.length}`,
    params,
  );
  const refs = rows.map((row): LedgerRowRef => {
    const values = Object.fromEntries(key.map((c) => [c.property, String(row[c.name])]));
    const id = workflowId ? row[workflowId.name] : t.projection.workflowIdOfRow?.(values);
    if (id === undefined) throw new Error(`${table}: a row has no workflow_id and its projection derives none`);
    return { key: values, aggregateId: key.map((c) => values[c.property]).join('/'), workflowId: id };
  });
  const lastRef = refs.at(-1);
  return { rows: refs, last: refs.length === options.limit && lastRef ? key.map((c) => lastRef.key[c.property]!) : null };
}
