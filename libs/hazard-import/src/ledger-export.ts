import type { Writable } from 'node:stream';
import type { HazardLedgerRow } from '@duban/persistence';
import { writeXlsx, type CellValue } from '@duban/spreadsheets';
import { ledgerCells } from './ledger-cells';
import { EXPORT_INFO_SHEET_NAME, LEDGER_COLUMNS, LEDGER_SHEET_NAME } from './ledger-layout';

/** What the export says of itself on its second sheet (导出说明). */
export interface LedgerExportInfo {
  /** The filters applied, by their Chinese name and value as asked (筛选条件). */
  filters: ReadonlyArray<{ label: string; value: string }>;
  /** Who exported (导出人): name, role and id. */
  exportedBy: string;
  exportedAt: Date;
}

const INFO_COLUMNS = [
  { field: 'item', label: '项目 (item)', width: 24 },
  { field: 'value', label: '内容 (value)', width: 60 },
];

/**
 * Writes the hazard ledger (隐患台账) as .xlsx to `target`, row by row as `rows` yields them
 * (pages read from PostgreSQL), so memory stays flat whatever the ledger's length; then a sheet
 * (导出说明) with the filters, who exported it, when, and how many rows were written.
 * Answers the number of rows.
 */
export async function writeLedgerXlsx(target: string | Writable, rows: AsyncIterable<HazardLedgerRow>, info: LedgerExportInfo): Promise<number> {
  let count = 0;
  async function* cells(): AsyncGenerator<Record<string, CellValue>> {
    for await (const row of rows) {
      count++;
      yield ledgerCells(row);
    }
  }
  // Evaluated after the ledger sheet is written: the count is known by then.
  function* about(): Generator<Record<string, CellValue>> {
    yield { item: '导出时间 (exported at)', value: info.exportedAt.toISOString() };
    yield { item: '导出人 (exported by)', value: info.exportedBy };
    yield { item: '行数 (rows)', value: count };
    if (info.filters.length === 0) yield { item: '筛选条件 (filters)', value: '无 (none): 可见范围内的全部隐患' };
    for (const filter of info.filters) yield { item: `筛选: ${filter.label}`, value: filter.value };
  }
  await writeXlsx(target, [
    { name: LEDGER_SHEET_NAME, columns: LEDGER_COLUMNS, rows: cells() },
    { name: EXPORT_INFO_SHEET_NAME, columns: INFO_COLUMNS, rows: about() },
  ]);
  return count;
}
