import { writeFileSync } from 'node:fs';
import { writeXlsx, type CellValue } from '@duban/spreadsheets';
import { IMPORT_LAYOUTS, type ImportKind } from '../import-layouts';
import type { ImportFile } from '../import-file';

export type ImportRows = Partial<Record<ImportKind, Array<Record<string, CellValue>>>>;

/** An .xlsx import file with a sheet per kind given, headed in Chinese as the template is. */
export async function writeImportXlsx(file: string, rows: ImportRows): Promise<ImportFile> {
  const kinds = Object.keys(rows) as ImportKind[];
  await writeXlsx(
    file,
    kinds.map((kind) => ({ name: IMPORT_LAYOUTS[kind].sheetName, columns: IMPORT_LAYOUTS[kind].columns, rows: rows[kind]! })),
  );
  return { name: file, path: file };
}

const quoted = (value: CellValue) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A UTF-8 CSV import file (with the BOM Excel writes) of one kind, headed in Chinese. */
export function writeImportCsv(file: string, kind: ImportKind, rows: Array<Record<string, CellValue>>): ImportFile {
  const columns = IMPORT_LAYOUTS[kind].columns;
  const lines = [columns.map((c) => c.label), ...rows.map((row) => columns.map((c) => row[c.field]))].map((cells) => cells.map(quoted).join(','));
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
  return { name: file, path: file };
}

/** `n` enterprises in `regionId`/`industryId`, ids U00001…, every one valid. */
export function enterpriseRows(n: number, regionId: string, industryId: string): Array<Record<string, CellValue>> {
  return Array.from({ length: n }, (_, i) => ({
    id: `U${String(i + 1).padStart(5, '0')}`,
    name: `测试企业${i + 1}`,
    kind: '企业',
    regionId,
    industryId,
    status: '生产',
    licensed: '是',
  }));
}
