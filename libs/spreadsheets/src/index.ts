export { columnLetter, headerLookup, matchHeaders, type HeaderMatch, type SheetColumn } from './sheet-columns';
export { cellText, type RawRow, type SheetRow, type SheetSource } from './sheet-row';
export { keyedSheet, type KeyedSheet } from './keyed-sheet';
export { readXlsxSheets } from './read-xlsx';
export { workbookSheets, type WorkbookSheet } from './workbook-sheet-names';
export { CsvTextDecoder, readCsvSheet } from './read-csv';
export { writeXlsx, type CellValue, type SheetToWrite, type WrittenColumn } from './write-xlsx';
export { yesNo, zhOf, zhWords } from './label-words';
export { EXPORT_INFO_SHEET_NAME, writeLedgerExport, type LedgerExportInfo, type LedgerSheetLayout } from './write-ledger-export';
