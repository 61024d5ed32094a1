/** A row as pg returns it from hand-written SELECTs (snake_case or computed columns). */
export type Raw = Record<string, any>;

/** pg gives timestamptz as Date; be lenient in case a type parser was changed globally. */
export function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}
