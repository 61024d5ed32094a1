/** One column of a sheet layout: the English field name a program reads, the Chinese label a person sees. */
export interface SheetColumn {
  field: string;
  label: string;
}

/** How a header cell was matched against a layout; `index` is the 0-based column (A = 0). */
export interface HeaderMatch {
  /** The layout field at each column index, or undefined for a column the layout does not know. */
  fields: Array<string | undefined>;
  /** Headers the layout does not know, with where they stand. */
  unknown: Array<{ index: number; header: string }>;
  /** Fields named by more than one header (the later ones are ignored). */
  repeated: Array<{ index: number; header: string; field: string }>;
  /** The layout's columns no header names. */
  missing: SheetColumn[];
}

// "单位名称", "name", "单位名称 (name)", "单位名称（name）", "单位名称 name": spaces and case do not matter.
const normalise = (text: string) => text.replace(/[\s\u3000]+/g, '').toLowerCase();

/** The keys a header may be written as for `column`. */
function headerKeys(column: SheetColumn): string[] {
  const label = normalise(column.label);
  const field = normalise(column.field);
  return [label, field, `${label}(${field})`, `${label}（${field}）`, `${label}${field}`];
}

/** Builds a lookup from any accepted header spelling to its column. */
export function headerLookup(columns: readonly SheetColumn[]): (header: string) => SheetColumn | undefined {
  const byKey = new Map<string, SheetColumn>();
  for (const column of columns) for (const key of headerKeys(column)) byKey.set(key, column);
  return (header) => byKey.get(normalise(header));
}

/** Matches a header row against a layout: by Chinese label or English field name (or both together). */
export function matchHeaders(headers: readonly string[], columns: readonly SheetColumn[]): HeaderMatch {
  const lookup = headerLookup(columns);
  const fields: Array<string | undefined> = [];
  const unknown: HeaderMatch['unknown'] = [];
  const repeated: HeaderMatch['repeated'] = [];
  const seen = new Set<string>();
  headers.forEach((header, index) => {
    if (header === '') return;
    const column = lookup(header);
    if (!column) unknown.push({ index, header });
    else if (seen.has(column.field)) repeated.push({ index, header, field: column.field });
    else {
      seen.add(column.field);
      fields[index] = column.field;
    }
  });
  return { fields, unknown, repeated, missing: columns.filter((column) => !seen.has(column.field)) };
}

/** The spreadsheet letter of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
