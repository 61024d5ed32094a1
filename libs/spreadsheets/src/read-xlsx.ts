import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Open } from 'unzipper';
import { cellText, type RawRow, type SheetSource } from './sheet-row';
import { workbookSheets } from './workbook-sheet-names';

/** The parts of exceljs's WorkbookReader (4.4.0, pinned) this reader drives: its own parsers, one zip entry at a time. */
interface WorkbookReaderParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(entry: Readable, sheetNo: string): Generator<{ eventType: string; value: unknown }>;
}

/**
 * The sheets of an .xlsx file, in workbook order, each read row by row by exceljs's streaming
 * worksheet reader, so a workbook of 20,000 rows never sits in memory whole. Each sheet must be
 * read (or drained) before the next one is given.
 *
 * exceljs's WorkbookReader reads the zip as one stream and, on Node 20+, intermittently loses its
 * last entries (xl/workbook.xml, or a whole sheet: exceljs issues 1364, 2663, 3064 — seen here on
 * about 1 read in 70 of a file exceljs itself wrote). So the zip is opened by its central directory
 * instead (as exceljs PR 3065 does), and exceljs's own parsers are fed the workbook, shared strings
 * and styles first, then each sheet's entry: every sheet is read, with its name.
 */
export async function* readXlsxSheets(file: string): AsyncGenerator<SheetSource> {
  const zip = await Open.file(file);
  // As text: exceljs decodes each Buffer chunk on its own, which splits a Chinese character that
  // straddles two chunks (生产 read as 生��); a utf8 stream keeps characters whole across chunks.
  const entry = (path: string) => (zip.files.find((f) => f.path === path)?.stream() as Readable | undefined)?.setEncoding('utf8');
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles tell a date from a number: without them a date cell reads as its serial number.
    styles: 'cache',
    entries: 'ignore',
  });
  const parts = workbook as unknown as WorkbookReaderParts;
  const rels = entry('xl/_rels/workbook.xml.rels');
  const book = entry('xl/workbook.xml');
  if (!rels || !book) throw new Error('not a workbook: xl/workbook.xml is missing');
  await parts._parseRels(rels);
  await parts._parseWorkbook(book);
  const strings = entry('xl/sharedStrings.xml');
  if (strings) for await (const _event of parts._parseSharedStrings(strings));
  const styles = entry('xl/styles.xml');
  if (styles) await parts._parseStyles(styles);
  for (const sheet of await workbookSheets(file)) {
    const content = entry(`xl/worksheets/sheet${sheet.part}.xml`);
    if (!content) throw new Error(`sheet ${sheet.name} (xl/worksheets/sheet${sheet.part}.xml) is missing`);
    for (const event of parts._parseWorksheet(content, sheet.part)) {
      if (event.eventType === 'worksheet') yield { name: sheet.name, rows: xlsxRows(event.value as ExcelJS.stream.xlsx.WorksheetReader) };
    }
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
