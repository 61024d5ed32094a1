import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellText, type RawRow, type SheetSource } from './sheet-row';
import { workbookSheetNames } from './workbook-sheet-names';

/**
 * The sheets of an .xlsx file, in order, each read row by row with exceljs's streaming reader, so
 * a workbook of 20,000 rows never sits in memory whole. Each sheet must be read (or skipped by
 * moving to the next) before the next one is given: the file is one zip stream. Give a file path
 * where sheet names matter: only then are they read reliably (workbook-sheet-names.ts).
 */
export async function* readXlsxSheets(input: string | Readable): AsyncGenerator<SheetSource> {
  const names = typeof input === 'string' ? await workbookSheetNames(input) : new Map<string, string>();
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell a date from a number: without them a date cell reads as its serial number.
    styles: 'cache',
    entries: 'ignore',
  });
  for await (const worksheet of workbook) {
    // When exceljs missed xl/workbook.xml, a sheet is named "Sheet<n>" with n its part's number.
    const { id, name } = worksheet as unknown as { id: number | string; name: string };
    yield { name: name === `Sheet${id}` ? (names.get(String(id)) ?? name) : name, rows: xlsxRows(worksheet) };
  }
}

async function* xlsxRows(worksheet: ExcelJS.stream.xlsx.WorksheetReader): AsyncGenerator<RawRow> {
  for await (const row of worksheet) {
    // exceljs gives values 1-based (index 0 unused) and sparse.
    const sparse = row.values as unknown[];
    const values: string[] = [];
    for (let column = 1; column < sparse.length; column++) values.push(cellText(sparse[column]));
    yield { row: row.number, values };
  }
}
