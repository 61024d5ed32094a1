import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { SheetColumn } from './sheet-columns';

export type CellValue = string | number | boolean | Date | null | undefined;

/** A column to write: its header is the Chinese label; `width` in characters. */
export interface WrittenColumn extends SheetColumn {
  width?: number;
}

/** One sheet to write: a header row of labels, then one row per record, cells by field. */
export interface SheetToWrite {
  name: string;
  columns: readonly WrittenColumn[];
  rows: Iterable<Record<string, CellValue>> | AsyncIterable<Record<string, CellValue>>;
}

/**
 * Writes an .xlsx with exceljs's streaming WorkbookWriter: each row is committed (flushed to the
 * zip stream) as it is written, so a ledger of any length is written in bounded memory. The header
 * row is bold and frozen. `target` is a file path or a writable stream (an HTTP response).
 */
export async function writeXlsx(target: string | Writable, sheets: readonly SheetToWrite[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof target === 'string' ? { filename: target } : { stream: target }),
    useStyles: true,
    useSharedStrings: false,
  });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((column) => ({
      key: column.field,
      header: column.label,
      width: column.width ?? Math.max(12, column.label.length * 2 + 4),
    }));
    worksheet.getRow(1).font = { bold: true };
    worksheet.getRow(1).commit();
    for await (const record of sheet.rows) {
      const values: Record<string, CellValue> = {};
      for (const column of sheet.columns) values[column.field] = record[column.field] ?? null;
      worksheet.addRow(values).commit();
    }
    worksheet.commit();
  }
  await workbook.commit();
}
