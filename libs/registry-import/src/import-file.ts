import path from 'node:path';
import { keyedSheet, matchHeaders, readCsvSheet, readXlsxSheets, type KeyedSheet, type SheetSource } from '@duban/spreadsheets';
import { IMPORT_LAYOUTS, layoutForSheet, type ImportKind, type ImportLayout } from './import-layouts';

/** A file to import, read afresh for each pass over it (the commit reads it again, so it is never held whole). */
export interface ImportFile {
  /** The file's name as uploaded or given: its extension says .xlsx or .csv; a CSV's name may say its kind ("单位.csv"). */
  name: string;
  /** Where it is on disk (an upload is saved to a temporary file first). */
  path: string;
  /** What a CSV file holds, when neither its name nor its header says. */
  csvKind?: ImportKind;
}

export type ImportFormat = 'xlsx' | 'csv';

export function importFormat(name: string): ImportFormat | undefined {
  const ext = path.extname(name).toLowerCase();
  return ext === '.xlsx' ? 'xlsx' : ext === '.csv' ? 'csv' : undefined;
}

/** A sheet of the file as the import sees it: the layout it was recognised as (undefined: not recognised) and its keyed rows. */
export interface ImportSheet {
  name: string;
  layout: ImportLayout | undefined;
  keyed: KeyedSheet;
}

/** The file could not be read as what its name says (a damaged zip, bad CSV quoting): a fault of the file, not of the server. */
export class UnreadableFileError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'UnreadableFileError';
  }
}

async function* readable<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* source;
  } catch (error) {
    throw new UnreadableFileError(error);
  }
}

/** The sheets of an import file, in file order, each to be read (or drained) before the next. */
export async function* importSheets(file: ImportFile, format: ImportFormat): AsyncGenerator<ImportSheet> {
  if (format === 'csv') {
    const csv = readCsvSheet(file.path, path.basename(file.name));
    const source = { name: csv.name, rows: readable(csv.rows) };
    const named = file.csvKind ? IMPORT_LAYOUTS[file.csvKind] : layoutForSheet(path.basename(file.name, path.extname(file.name)));
    let layout = named;
    const keyed = await keyedSheet(source.rows, (headers) => (layout ??= layoutFromHeaders(headers))?.columns ?? []);
    yield { name: source.name, layout, keyed };
    return;
  }
  for await (const sheet of readable(readXlsxSheets(file.path)))
    yield keyedImportSheet({ name: sheet.name, rows: readable(sheet.rows) }, layoutForSheet(sheet.name));
}

async function keyedImportSheet(sheet: SheetSource, layout: ImportLayout | undefined): Promise<ImportSheet> {
  return { name: sheet.name, layout, keyed: await keyedSheet(sheet.rows, layout?.columns ?? []) };
}

/**
 * The kind a header row stands for: every required column present, and more columns matched
 * than any other kind (so "id, name, kind, regionId" is units, not industries). Undefined on a tie.
 */
export function layoutFromHeaders(headers: readonly string[]): ImportLayout | undefined {
  const fits = Object.values(IMPORT_LAYOUTS)
    .map((layout) => {
      const match = matchHeaders(headers, layout.columns);
      const missingRequired = match.missing.some((column) => (column as { required?: boolean }).required);
      return { layout, matched: layout.columns.length - match.missing.length, fits: !missingRequired };
    })
    .filter((candidate) => candidate.fits)
    .sort((a, b) => b.matched - a.matched);
  if (fits.length === 0 || (fits.length > 1 && fits[0].matched === fits[1].matched)) return undefined;
  return fits[0].layout;
}
