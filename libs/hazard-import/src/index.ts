export { EXPORT_INFO_SHEET_NAME, IMPORTED_COLUMNS, LEDGER_COLUMNS, LEDGER_SHEET_NAME, type LedgerColumn } from './ledger-layout';
export { LEDGER_WORDS, ledgerValueOf, ledgerWordsOf } from './ledger-words';
export { ledgerCells } from './ledger-cells';
export { ledgerDeadline } from './ledger-deadline';
export { derivedHazardId, isHazardId } from './hazard-row-id';
export { parseLedgerRow, type CellRefusal, type LedgerImportRow } from './parse-ledger-row';
export { readLedgerSheet, type LedgerSheet } from './read-ledger-sheet';
export { HAZARD_LEDGER_SHEET, writeLedgerXlsx, type LedgerExportInfo } from './ledger-export';
export { LEDGER_GUIDE_SHEET_NAME, LEDGER_TEMPLATE_EXAMPLE, writeLedgerTemplate } from './ledger-template';
export {
  runHazardImport,
  type HazardImportCounts,
  type HazardImportOptions,
  type HazardImportPorts,
  type HazardImportProgress,
  type HazardImportResult,
} from './run-hazard-import';
