import { matchHeaders, type HeaderMatch, type SheetColumn } from './sheet-columns';
import { isBlank, type RawRow, type SheetRow } from './sheet-row';

/** A sheet whose first non-blank row is its header: how that header matched, then the data rows by field. */
export interface KeyedSheet {
  /** The header's row number (0 when the sheet is empty). */
  headerRow: number;
  /** The header cells as written (index 0 = column A). */
  headers: string[];
  match: HeaderMatch;
  rows: AsyncIterable<SheetRow>;
}

/**
 * Reads the header (the first non-blank row) and returns the rest as rows keyed by the layout's
 * fields. Still streaming: the data rows are read as `rows` is iterated, once. Blank rows are
 * skipped. `columns` may be chosen from the header (a CSV file says what it holds only there).
 */
export async function keyedSheet(
  source: AsyncIterable<RawRow>,
  columns: readonly SheetColumn[] | ((headers: string[]) => readonly SheetColumn[]),
): Promise<KeyedSheet> {
  const iterator = source[Symbol.asyncIterator]();
  let header: RawRow | undefined;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    if (!isBlank(next.value)) {
      header = next.value;
      break;
    }
  }
  const headers = header?.values ?? [];
  const match = matchHeaders(headers, typeof columns === 'function' ? columns(headers) : columns);
  async function* rows(): AsyncGenerator<SheetRow> {
    if (!header) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const cells: Record<string, string> = {};
      next.value.values.forEach((value, index) => {
        const field = match.fields[index];
        if (field !== undefined && value !== '') cells[field] = value;
      });
      if (Object.keys(cells).length > 0 || !isBlank(next.value)) yield { row: next.value.row, cells };
    }
  }
  return { headerRow: header?.row ?? 0, headers, match, rows: rows() };
}
