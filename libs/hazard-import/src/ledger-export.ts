import type { Writable } from 'node:stream';
import type { HazardLedgerRow } from '@duban/persistence';
import { writeLedgerExport, type LedgerExportInfo, type LedgerSheetLayout } from '@duban/spreadsheets';
import { ledgerCells } from './ledger-cells';
import { LEDGER_COLUMNS, LEDGER_SHEET_NAME } from './ledger-layout';

export type { LedgerExportInfo } from '@duban/spreadsheets';

/** The hazard ledger's sheet as an export writes it (its layout is the import's). */
export const HAZARD_LEDGER_SHEET: LedgerSheetLayout<HazardLedgerRow> = {
  name: LEDGER_SHEET_NAME,
  columns: LEDGER_COLUMNS,
  cells: ledgerCells,
  everything: '可见范围内的全部隐患',
};

/** Writes the hazard ledger (隐患台账) as .xlsx to `target`, streamed (see writeLedgerExport); answers the number of rows. */
export function writeLedgerXlsx(target: string | Writable, rows: AsyncIterable<HazardLedgerRow>, info: LedgerExportInfo): Promise<number> {
  return writeLedgerExport(target, HAZARD_LEDGER_SHEET, rows, info);
}
