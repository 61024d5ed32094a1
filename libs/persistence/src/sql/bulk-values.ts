import { rowPlaceholders, type TableColumn } from './entity-table';

/**
 * Builds the `VALUES (…), (…)` list of a multi-row INSERT with numbered parameters. Postgres
 * caps a statement at 65,535 parameters: callers batch rows so that columns × rows stays below.
 */
export function bulkValues<P extends string>(
  columns: ReadonlyArray<TableColumn<P>>,
  rows: ReadonlyArray<Record<P, unknown>>,
  params: unknown[] = [],
): { sql: string; params: unknown[] } {
  const tuples = rows.map((row) => `(${rowPlaceholders(columns, row, params)})`);
  return { sql: tuples.join(', '), params };
}

/** The most rows of `columns` one statement may carry (Postgres takes at most 65,535 parameters). */
export function batchSize(columns: readonly TableColumn[], max = 1_000): number {
  return Math.min(max, Math.floor(65_535 / columns.length));
}

/** Splits `items` into consecutive slices of at most `size`. */
export function* batches<T>(items: readonly T[], size: number): Generator<{ offset: number; items: T[] }> {
  for (let offset = 0; offset < items.length; offset += size) {
    yield { offset, items: items.slice(offset, offset + size) };
  }
}
