/**
 * Builds the `VALUES (…), (…)` list of a multi-row INSERT with numbered parameters. Postgres
 * caps a statement at 65,535 parameters: callers batch rows so that columns × rows stays below.
 */
export function bulkValues<C extends string>(
  columns: readonly C[],
  casts: Partial<Record<C, string>>,
  rows: ReadonlyArray<Record<C, unknown>>,
  params: unknown[] = [],
): { sql: string; params: unknown[] } {
  const tuples = rows.map((row) => {
    const placeholders = columns.map((column) => {
      params.push(row[column] ?? null);
      return `$${params.length}${casts[column] ?? ''}`;
    });
    return `(${placeholders.join(', ')})`;
  });
  return { sql: tuples.join(', '), params };
}

/** Splits `items` into consecutive slices of at most `size`. */
export function* batches<T>(items: readonly T[], size: number): Generator<{ offset: number; items: T[] }> {
  for (let offset = 0; offset < items.length; offset += size) {
    yield { offset, items: items.slice(offset, offset + size) };
  }
}

/** Always stringify jsonb: pg would turn a top-level array into a Postgres array, not JSON. */
export function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}
