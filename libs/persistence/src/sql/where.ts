import type { DataSource } from 'typeorm';
import type { ListBounds } from '@duban/domain';
import { unitWithinBounds } from '../registry/registry-bounds-sql';
import type { OrderKey } from './keyset-stream';

/** Page size of the ledger lists when none is asked for, and the most one page may hold. */
export const LEDGER_PAGE_DEFAULT = 50;
export const LEDGER_PAGE_MAX = 500;
/** How many escalations a feed returns when no limit is asked for. */
export const ESCALATIONS_DEFAULT = 100;

export function clampInt(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

/** Collects WHERE conditions with numbered parameters. */
export class Where {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  equals(column: string, value: unknown): this {
    if (value !== undefined) {
      this.params.push(value);
      this.conditions.push(`${column} = $${this.params.length}`);
    }
    return this;
  }

  notEquals(column: string, value: unknown): this {
    this.params.push(value);
    this.conditions.push(`${column} <> $${this.params.length}`);
    return this;
  }

  /** `column` is one of `values` (none given: no condition). */
  oneOf(column: string, values: readonly unknown[] | undefined): this {
    if (values !== undefined) {
      this.params.push(values);
      this.conditions.push(`${column} = ANY($${this.params.length})`);
    }
    return this;
  }

  /** The row `columns` comes after `values` in their (ascending) order: a keyset page's start. */
  after(columns: readonly string[], values: readonly unknown[] | undefined): this {
    return this.afterInOrder(
      columns.map((column) => ({ column })),
      values,
    );
  }

  /**
   * The row comes after `values` in the order `keys` (a keyset page's start). One direction
   * throughout: one row comparison, which a b-tree index on those columns answers as a range
   * (read backwards for DESC). Mixed directions: the same rule spelt out key by key.
   */
  afterInOrder(keys: readonly OrderKey[], values: readonly unknown[] | undefined): this {
    if (values === undefined) return this;
    const placeholders = values.map((value) => this.param(value));
    const past = (key: OrderKey) => (key.descending ? '<' : '>');
    if (keys.every((key) => key.descending === keys[0]!.descending)) {
      this.conditions.push(`(${keys.map((key) => key.column).join(', ')}) ${past(keys[0]!)} (${placeholders.join(', ')})`);
      return this;
    }
    const alternatives = keys.map((key, i) =>
      [...keys.slice(0, i).map((before, j) => `${before.column} = ${placeholders[j]}`), `${key.column} ${past(key)} ${placeholders[i]}`].join(
        ' AND ',
      ),
    );
    this.conditions.push(`((${alternatives.join(') OR (')}))`);
    return this;
  }

  /** `column` starts with `value` (no LIKE, so no wildcard escaping). */
  startsWith(column: string, value: string | undefined): this {
    if (value !== undefined) {
      this.params.push(value);
      this.conditions.push(`starts_with(${column}, $${this.params.length})`);
    }
    return this;
  }

  /** A condition written by the caller (its parameters taken from `param`). */
  add(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  /** Rows of units within a reader's `bounds` (libs/domain/src/scope/list-bounds.ts), `column` holding the unit id. */
  withinBounds(column: string, bounds: ListBounds | undefined): this {
    const condition = unitWithinBounds(column, bounds, this);
    if (condition !== undefined) this.conditions.push(condition);
    return this;
  }

  /** Booleans inline (never user text), so the planner can match the partial indexes. */
  flag(column: string, value: boolean | undefined): this {
    if (value !== undefined) this.conditions.push(value ? column : `NOT ${column}`);
    return this;
  }

  atLeast(column: string, value: Date | undefined): this {
    if (value !== undefined) {
      this.params.push(value.toISOString());
      this.conditions.push(`${column} >= $${this.params.length}::timestamptz`);
    }
    return this;
  }

  /** `column` before `value` (exclusive): with atLeast, a half-open range of instants. */
  before(column: string, value: Date | undefined): this {
    if (value !== undefined) {
      this.params.push(value.toISOString());
      this.conditions.push(`${column} < $${this.params.length}::timestamptz`);
    }
    return this;
  }

  /** `column` IS NULL (true) or IS NOT NULL (false); undefined: no condition. */
  isNull(column: string, value: boolean | undefined): this {
    if (value !== undefined) this.conditions.push(`${column} IS ${value ? '' : 'NOT '}NULL`);
    return this;
  }

  toString(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }

  /** Appends a parameter and returns its placeholder (for LIMIT / OFFSET). */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** The LIMIT placeholder: `value` clamped to 1..LEDGER_PAGE_MAX, `fallback` when there is none. */
  limit(value: number | undefined, fallback: number): string {
    return this.param(clampInt(value, fallback, 1, LEDGER_PAGE_MAX));
  }
}

export interface PageSelect {
  /** The selected columns. */
  select: string;
  /** The table (with its alias, if the columns use one). */
  from: string;
  where: Where;
  orderBy: string;
  /** Clamped to 1..LEDGER_PAGE_MAX; default LEDGER_PAGE_DEFAULT. */
  limit?: number;
  /** Clamped to ≥ 0; default 0. */
  offset?: number;
}

/** A filtered page of rows in `orderBy` order, with the total of rows the filter matches. */
export async function selectPage<R, T>(dataSource: DataSource, query: PageSelect, toRow: (r: R) => T): Promise<{ items: T[]; total: number }> {
  const { select, from, where, orderBy } = query;
  const countParams = [...where.params];
  const limit = where.limit(query.limit, LEDGER_PAGE_DEFAULT);
  const offset = where.param(clampInt(query.offset, 0, 0, Number.MAX_SAFE_INTEGER));
  const [rows, counted] = await Promise.all([
    dataSource.query(`SELECT ${select} FROM ${from} ${where} ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`, where.params),
    dataSource.query(`SELECT count(*)::int AS total FROM ${from} ${where}`, countParams),
  ]);
  return { items: (rows as R[]).map(toRow), total: counted[0].total };
}
