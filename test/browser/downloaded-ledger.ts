import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Download } from 'playwright-core';
import { LEDGER_SHEET_NAME } from '@duban/hazard-import';
import { readXlsxSheets } from '@duban/spreadsheets';

/** A sheet (隐患台账 unless named) of a workbook the page downloaded, as text rows (the header first), read with the import's own reader. */
export async function downloadedLedger(download: Download, sheetName = LEDGER_SHEET_NAME): Promise<string[][]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'duban-browser-download-'));
  try {
    const file = path.join(dir, 'ledger.xlsx');
    await download.saveAs(file);
    const rows: string[][] = [];
    for await (const sheet of readXlsxSheets(file)) for await (const row of sheet.rows) if (sheet.name === sheetName) rows.push(row.values);
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
