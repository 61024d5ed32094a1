/** A row as pg returns it from hand-written SELECTs (snake_case or computed columns). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's rows are untyped; each reader maps them to a typed row at once
export type Raw = Record<string, any>;

/** pg gives timestamptz as Date; be lenient in case a type parser was changed globally. */
export function iso(value: unknown): string {
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}
