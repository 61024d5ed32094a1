import { columnLetter, keyedSheet, readXlsxSheets, workbookSheets, type KeyedSheet, type SheetRow } from '@duban/spreadsheets';
import { importProblem, type ImportProblem, type ProblemPlace } from '@duban/registry-import';
import { LEDGER_COLUMNS, LEDGER_SHEET_NAME } from './ledger-layout';

/** The ledger sheet of an import file, its rows read whole, and what its header lacks or adds. */
export interface LedgerSheet {
  name: string;
  rows: SheetRow[];
  /** Where each field's cells stand: the column as headed in the file, and the cell of a row. */
  placeOf: (row: number, field: string) => ProblemPlace;
  /** Required columns missing (errors), columns unknown or repeated (warnings). */
  problems: ImportProblem[];
}

function headerProblems(sheet: string, keyed: KeyedSheet): ImportProblem[] {
  const row = keyed.headerRow;
  const missing = keyed.match.missing
    .filter((column) => LEDGER_COLUMNS.find((c) => c.field === column.field)?.required)
    .map((column) =>
      importProblem(
        { sheet, row, column: column.label, field: column.field },
        'import.header_missing',
        `column ${column.label} (${column.field}) is required`,
      ),
    );
  const unknown = keyed.match.unknown.map(({ index, header }) =>
    importProblem(
      { sheet, row, column: header, cell: `${columnLetter(index)}${row}` },
      'import.header_unknown',
      `column "${header}" is not in the ledger's layout; ignored`,
      undefined,
      true,
    ),
  );
  const repeated = keyed.match.repeated.map(({ index, header, field }) =>
    importProblem(
      { sheet, row, column: header, field, cell: `${columnLetter(index)}${row}` },
      'import.header_repeated',
      `column "${header}" repeats ${field}; ignored`,
      undefined,
      true,
    ),
  );
  return [...missing, ...unknown, ...repeated];
}

/**
 * Reads the sheet named 隐患台账 (or, when none is, the first sheet) of an .xlsx, streaming, into
 * its keyed rows. The rows are kept (each a few hundred bytes; an upload is at most 32 MB) because
 * every row must be checked before any hazard is started, and the starts then go row by row.
 */
export async function readLedgerSheet(file: string): Promise<LedgerSheet> {
  const names = (await workbookSheets(file)).map((sheet) => sheet.name);
  const wanted = names.includes(LEDGER_SHEET_NAME) ? LEDGER_SHEET_NAME : names[0];
  for await (const sheet of readXlsxSheets(file)) {
    if (sheet.name !== wanted) {
      for await (const _row of sheet.rows);
      continue;
    }
    const keyed = await keyedSheet(sheet.rows, LEDGER_COLUMNS);
    const rows: SheetRow[] = [];
    for await (const row of keyed.rows) rows.push(row);
    const indexOf = new Map<string, number>();
    keyed.match.fields.forEach((field, index) => field !== undefined && indexOf.set(field, index));
    const placeOf = (row: number, field: string): ProblemPlace => {
      const index = indexOf.get(field);
      const label = LEDGER_COLUMNS.find((column) => column.field === field)?.label ?? field;
      if (index === undefined) return { sheet: sheet.name, row, column: label, field };
      return { sheet: sheet.name, row, column: keyed.headers[index] || label, field, cell: `${columnLetter(index)}${row}` };
    };
    return { name: sheet.name, rows, placeOf, problems: headerProblems(sheet.name, keyed) };
  }
  throw new Error('the workbook has no sheets');
}
