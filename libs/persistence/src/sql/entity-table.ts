import type { DataSource } from 'typeorm';

/*
 * Where a table is described: its TypeORM entity, and only there.
 *
 * The migrations are a history (append-only; the current shape of a table is the sum of all of
 * them), so they cannot be the readable description. The entity is one class per table, TypeORM
 * can diff it against a live database (migrations/migrations.pg.spec.ts proves the migrations produce exactly
 * the entities' schema), and its property types check the code that fills and reads rows. So the
 * writers' and readers' column lists are derived from the entity metadata here, never spelled
 * out. The SQL itself stays hand-written (multi-row upserts, for a 3,000-unit campaign): only its
 * column lists come from here, built once per DataSource.
 */

/** The entity's property names (an entity class holds nothing but its columns). */
export type PropertyOf<E> = Extract<keyof E, string>;

/** What a writer may pass for a column of type T: instants as ISO strings too. */
type ParamOf<T> = T extends Date ? Date | string : T;

/** One row to write, keyed by entity property: every property in P, typed as the entity types it. */
export type ColumnValues<E, P extends PropertyOf<E>> = { [K in P]: ParamOf<E[K]> };

export interface TableColumn<P extends string = string> {
  /** The entity property. */
  readonly property: P;
  /** The column's name in the table. */
  readonly name: string;
  /** The declared column type (as the entity spells it). */
  readonly type: string;
}

/** A table as its entity declares it: its name and its columns in declaration order. */
export class EntityTable<E> {
  private constructor(
    readonly name: string,
    readonly columns: ReadonlyArray<TableColumn<PropertyOf<E>>>,
  ) {}

  /** Needs an initialised DataSource (metadata is built on initialise); callers build it on first use. */
  static of<E>(dataSource: DataSource, entity: new () => E): EntityTable<E> {
    const metadata = dataSource.getMetadata(entity);
    const columns = metadata.columns.map((c) => ({
      property: c.propertyName as PropertyOf<E>,
      name: c.databaseName,
      type: typeof c.type === 'string' ? c.type : dataSource.driver.normalizeType(c),
    }));
    return new EntityTable<E>(metadata.tableName, columns);
  }

  /** Every column but `excluded`, in declaration order. */
  except<X extends PropertyOf<E>>(...excluded: X[]): Array<TableColumn<Exclude<PropertyOf<E>, X>>> {
    return without(this.columns, excluded);
  }

  /** These columns, in this order. */
  only<P extends PropertyOf<E>>(...properties: P[]): Array<TableColumn<P>> {
    return properties.map((property) => {
      const column = this.columns.find((c) => c.property === property);
      if (!column) throw new Error(`${this.name} has no column for property ${property}`);
      return column as TableColumn<P>;
    });
  }
}

/** `columns` but those of `excluded` (e.g. an upsert's key, which never changes). */
export function without<P extends string, X extends string>(
  columns: ReadonlyArray<TableColumn<P>>,
  excluded: readonly X[],
): Array<TableColumn<Exclude<P, X>>> {
  return columns.filter((c): c is TableColumn<Exclude<P, X>> => !(excluded as readonly string[]).includes(c.property));
}

const quoted = (name: string) => `"${name}"`;

/** `"a", "b"`: for INSERT column lists and conflict targets. */
export function columnNames(columns: readonly TableColumn[]): string {
  return columns.map((c) => quoted(c.name)).join(', ');
}

/** `t."hazard_id" AS "hazardId", …`: rows come back keyed by entity property. */
export function selectColumns(columns: readonly TableColumn[], alias?: string): string {
  return columns.map((c) => `${alias ? `${alias}.` : ''}${quoted(c.name)} AS ${quoted(c.property)}`).join(', ');
}

/** `"a" = EXCLUDED."a", …`: an upsert's columns that follow the newer row. */
export function assignExcluded(columns: readonly TableColumn[]): string {
  return columns.map((c) => `${quoted(c.name)} = EXCLUDED.${quoted(c.name)}`).join(', ');
}

/** `(t."a", t."b") IS DISTINCT FROM (EXCLUDED."a", EXCLUDED."b")`: an upsert's row would change. */
export function differsFromExcluded(table: string, columns: readonly TableColumn[]): string {
  const row = (of: string) => columns.map((c) => `${of}.${quoted(c.name)}`).join(', ');
  return `(${row(table)}) IS DISTINCT FROM (${row('EXCLUDED')})`;
}

/** The parameter for one column: jsonb always stringified (pg would turn a top-level array into a Postgres array). */
export function columnParam(column: TableColumn, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return column.type === 'jsonb' ? JSON.stringify(value) : value;
}

/**
 * Types whose parameters are cast explicitly (instants, JSON). The others are read by the target
 * column, as an INSERT's VALUES are; a cast on every parameter made a 3,000-unit roster save
 * about a quarter slower.
 */
const CAST_TYPES = new Set(['timestamptz', 'jsonb', 'numeric']);

/** `$n, $n+1::timestamptz, …` for one row, pushing its parameters onto `params`. */
export function rowPlaceholders<P extends string>(columns: ReadonlyArray<TableColumn<P>>, row: Record<P, unknown>, params: unknown[]): string {
  return columns
    .map((column) => {
      params.push(columnParam(column, row[column.property]));
      return CAST_TYPES.has(column.type) ? `$${params.length}::${column.type}` : `$${params.length}`;
    })
    .join(', ');
}

/**
 * `build(dataSource)` once per DataSource: SQL derived from entity metadata is built on first
 * use (metadata exists only once the DataSource is initialised), then reused.
 */
export function perDataSource<T>(build: (dataSource: DataSource) => T): (dataSource: DataSource) => T {
  const built = new WeakMap<DataSource, T>();
  return (dataSource) => {
    let value = built.get(dataSource);
    if (value === undefined) {
      value = build(dataSource);
      built.set(dataSource, value);
    }
    return value;
  };
}
