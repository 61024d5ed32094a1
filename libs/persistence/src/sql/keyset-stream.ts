import type { DataSource } from 'typeorm';
import type { Where } from './where';

/** One key of a list's order: a column (as the query names it) and its direction. */
export interface OrderKey {
  column: string;
  descending?: boolean;
}

/** `ORDER BY`'s text for `keys`: "deadline ASC, hazard_id ASC". */
export const orderByOf = (keys: readonly OrderKey[]): string => keys.map((key) => `${key.column} ${key.descending ? 'DESC' : 'ASC'}`).join(', ');

/** `keys` each turned the other way: the same order read from its end. */
export const reversed = (keys: readonly OrderKey[]): OrderKey[] => keys.map((key) => ({ column: key.column, descending: !key.descending }));

/** Rows per keyset page of a streamed read: one round trip per 1,000 rows, a few hundred KB at a time. */
export const LEDGER_STREAM_PAGE = 1000;

/** A streamed read: the columns, the table, its filter (built afresh for each page) and its order, whose last key is unique. */
export interface KeysetSelect {
  select: string;
  from: string;
  where: () => Where;
  order: readonly OrderKey[];
}

/**
 * Every row `query` matches, in its order, read a page at a time by keyset (the rows after the
 * last one seen), so a read of any length holds one page in memory and never pays OFFSET's
 * rescans. Each key is carried to the next page as PostgreSQL's text of it: a JS Date keeps
 * milliseconds only, and a key cut short sorts before its own row, so a page would begin again
 * inside the instant it ended in.
 */
export async function* streamByKeyset<R, T>(
  dataSource: DataSource,
  query: KeysetSelect,
  toRow: (record: R) => T,
  pageSize = LEDGER_STREAM_PAGE,
): AsyncGenerator<T> {
  const cursor = query.order.map((key, i) => `(${key.column})::text AS "keyset_${i}"`).join(', ');
  let after: string[] | undefined;
  for (;;) {
    const where = query.where().afterInOrder(query.order, after);
    const rows: Array<R & Record<string, string>> = await dataSource.query(
      `SELECT ${query.select}, ${cursor} FROM ${query.from} ${where} ORDER BY ${orderByOf(query.order)} LIMIT ${where.param(pageSize)}`,
      where.params,
    );
    for (const row of rows) yield toRow(row);
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = query.order.map((_key, i) => last[`keyset_${i}`]!);
  }
}
