/** A row as read from a file: its 1-based row number in the sheet and its cells as text (index 0 = column A). */
export interface RawRow {
  row: number;
  values: string[];
}

/** A row keyed by the layout's fields: only the non-empty cells, trimmed. */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

/** One sheet of a workbook (a CSV file is one sheet), read in order, once. */
export interface SheetSource {
  name: string;
  rows: AsyncIterable<RawRow>;
}

/**
 * The text of a cell as exceljs gives it: numbers without formatting, dates as yyyy-mm-dd (or
 * full ISO with a time), rich text joined, hyperlinks by their text, formulas by their result.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    const cell = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; formula?: unknown; error?: string };
    if (Array.isArray(cell.richText))
      return cell.richText
        .map((run) => run.text)
        .join('')
        .trim();
    if ('formula' in cell || 'sharedFormula' in cell) return cellText(cell.result);
    if (cell.text !== undefined) return cellText(cell.text);
    if (typeof cell.error === 'string') return cell.error;
  }
  return String(value).trim();
}

export const isBlank = (row: RawRow) => row.values.every((value) => value === '');
