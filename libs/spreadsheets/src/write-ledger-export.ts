import type { Writable } from 'node:stream';
import { writeXlsx, type CellValue, type WrittenColumn } from './write-xlsx';

/** Every export's second sheet: which filters, who exported, when, how many rows. */
export const EXPORT_INFO_SHEET_NAME = '导出说明';

/** What an export says of itself on its second sheet (导出说明). */
export interface LedgerExportInfo {
  /** The filters applied, by their Chinese name and value as asked (筛选条件). */
  filters: ReadonlyArray<{ label: string; value: string }>;
  /** Who exported (导出人): name, role and id. */
  exportedBy: string;
  exportedAt: Date;
}

/** A ledger's sheet: its name, its columns (Chinese headers) and each row's cells by the columns' fields. */
export interface LedgerSheetLayout<R> {
  name: string;
  columns: readonly WrittenColumn[];
  cells(row: R): Record<string, CellValue>;
  /** What the export holds when no filter is applied: "可见范围内的全部隐患". */
  everything: string;
}

const INFO_COLUMNS = [
  { field: 'item', label: '项目 (item)', width: 24 },
  { field: 'value', label: '内容 (value)', width: 60 },
];

/**
 * Writes a ledger (台账) as .xlsx to `target`, row by row as `rows` yields them (pages read from
 * PostgreSQL), so memory stays flat whatever the ledger's length; then a sheet (导出说明) with
 * the filters, who exported it, when, and how many rows were written. Answers the number of rows.
 */
export async function writeLedgerExport<R>(
  target: string | Writable,
  layout: LedgerSheetLayout<R>,
  rows: AsyncIterable<R>,
  info: LedgerExportInfo,
): Promise<number> {
  let count = 0;
  async function* cells(): AsyncGenerator<Record<string, CellValue>> {
    for await (const row of rows) {
      count++;
      yield layout.cells(row);
    }
  }
  // Evaluated after the ledger sheet is written: the count is known by then.
  function* about(): Generator<Record<string, CellValue>> {
    yield { item: '导出时间 (exported at)', value: info.exportedAt.toISOString() };
    yield { item: '导出人 (exported by)', value: info.exportedBy };
    yield { item: '行数 (rows)', value: count };
    if (info.filters.length === 0) yield { item: '筛选条件 (filters)', value: `无 (none): ${layout.everything}` };
    for (const filter of info.filters) yield { item: `筛选: ${filter.label}`, value: filter.value };
  }
  await writeXlsx(target, [
    { name: layout.name, columns: layout.columns, rows: cells() },
    { name: EXPORT_INFO_SHEET_NAME, columns: INFO_COLUMNS, rows: about() },
  ]);
  return count;
}
