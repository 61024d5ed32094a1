import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { keyedSheet } from './keyed-sheet';
import { readCsvSheet } from './read-csv';
import { readXlsxSheets } from './read-xlsx';
import type { SheetColumn } from './sheet-columns';
import type { SheetRow, SheetSource } from './sheet-row';
import { writeXlsx } from './write-xlsx';

const dir = mkdtempSync(path.join(tmpdir(), 'duban-sheets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => path.join(dir, name);

const UNIT_COLUMNS: SheetColumn[] = [
  { field: 'id', label: '单位编号' },
  { field: 'name', label: '单位名称' },
  { field: 'employees', label: '从业人数' },
];

async function collect(rows: AsyncIterable<SheetRow>): Promise<SheetRow[]> {
  const all: SheetRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

async function sheetsOf(input: string): Promise<Array<{ name: string; headers: string[]; rows: SheetRow[] }>> {
  const sheets = [];
  for await (const sheet of readXlsxSheets(input)) {
    const keyed = await keyedSheet(sheet.rows, UNIT_COLUMNS);
    sheets.push({ name: sheet.name, headers: keyed.headers, rows: await collect(keyed.rows) });
  }
  return sheets;
}

const keyedRows = async (sheet: SheetSource) => collect((await keyedSheet(sheet.rows, UNIT_COLUMNS)).rows);

describe('xlsx', () => {
  it('writes sheets with Chinese headers and reads them back row by row, numbered as in Excel', async () => {
    await writeXlsx(file('units.xlsx'), [
      {
        name: '单位',
        columns: UNIT_COLUMNS,
        rows: [
          { id: 'U1', name: '甲化工有限公司', employees: 120 },
          { id: 'U2', name: ' 乙商场 ', employees: undefined },
        ],
      },
      { name: '空表', columns: UNIT_COLUMNS, rows: [] },
    ]);
    expect(await sheetsOf(file('units.xlsx'))).toEqual([
      {
        name: '单位',
        headers: ['单位编号', '单位名称', '从业人数'],
        rows: [
          { row: 2, cells: { id: 'U1', name: '甲化工有限公司', employees: '120' } },
          { row: 3, cells: { id: 'U2', name: '乙商场' } },
        ],
      },
      { name: '空表', headers: ['单位编号', '单位名称', '从业人数'], rows: [] },
    ]);
  });

  it('names every sheet right, however many (exceljs alone loses the names when xl/workbook.xml comes last)', async () => {
    const names = ['属地', '行业', '单位', '责任人', '填写说明', 'Sheet9'];
    await writeXlsx(
      file('names.xlsx'),
      names.map((name) => ({ name, columns: UNIT_COLUMNS, rows: [{ id: name }] })),
    );
    expect((await sheetsOf(file('names.xlsx'))).map((sheet) => [sheet.name, sheet.rows[0].cells.id])).toEqual(names.map((n) => [n, n]));
  });

  it('reads every sheet every time (exceljs streaming the zip alone lost a sheet in about 1 read of 70)', async () => {
    const names = ['属地', '行业', '单位', '责任人', '填写说明'];
    await writeXlsx(
      file('again.xlsx'),
      names.map((name) => ({ name, columns: UNIT_COLUMNS, rows: [{ id: name }] })),
    );
    const wrong: string[] = [];
    for (let read = 0; read < 70; read++) {
      const got = (await sheetsOf(file('again.xlsx'))).map((s) => s.name).join();
      if (got !== names.join()) wrong.push(got);
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it('reads what a person types in Excel: rich text, formulas, hyperlinks, dates, blank rows, English headers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('units');
    sheet.getRow(1).values = ['name', 'ID', '备注'];
    sheet.getRow(2).values = [{ richText: [{ text: '丙' }, { text: '矿业' }] }, { formula: '"U"&3', result: 'U3' }, 'x'];
    sheet.getRow(5).values = [{ text: '丁公司', hyperlink: 'https://example.cn' }, 'U4', new Date('2026-03-01T00:00:00Z')];
    await workbook.xlsx.writeFile(file('typed.xlsx'));

    const [read] = await sheetsOf(file('typed.xlsx'));
    expect(read.rows).toEqual([
      { row: 2, cells: { name: '丙矿业', id: 'U3' } },
      { row: 5, cells: { name: '丁公司', id: 'U4' } },
    ]);
    const keyed = await keyedSheet((await readXlsxSheets(file('typed.xlsx')).next()).value!.rows, UNIT_COLUMNS);
    expect(keyed.match.unknown).toEqual([{ index: 2, header: '备注' }]);
    expect(keyed.match.missing.map((c) => c.field)).toEqual(['employees']);
  });

  it('streams 20,000 rows of Chinese text through the writer and the reader, every character whole', async () => {
    const many = function* () {
      for (let i = 1; i <= 20_000; i++) yield { id: `U${i}`, name: `单位${i}生产经营`, employees: i };
    };
    await writeXlsx(file('many.xlsx'), [{ name: '单位', columns: UNIT_COLUMNS, rows: many() }]);
    let count = 0;
    const broken: SheetRow[] = [];
    for await (const sheet of readXlsxSheets(file('many.xlsx'))) {
      for await (const row of (await keyedSheet(sheet.rows, UNIT_COLUMNS)).rows) {
        count++;
        const i = row.row - 1;
        if (row.cells.name !== `单位${i}生产经营` || row.cells.id !== `U${i}` || row.cells.employees !== String(i)) broken.push(row);
      }
    }
    expect(count).toBe(20_000);
    expect(broken).toEqual([]);
  }, 60_000);
});

describe('csv', () => {
  it('reads UTF-8 with the BOM Excel writes, quoted commas and line breaks, blank lines skipped but counted', async () => {
    writeFileSync(file('bom.csv'), '\uFEFF单位编号,单位名称（name）\r\nU1,"甲,乙公司"\r\n\r\nU2,"多行\r\n名称"\r\nU3,丙\r\n');
    const sheet = readCsvSheet(file('bom.csv'), '单位');
    expect(sheet.name).toBe('单位');
    expect(await keyedRows(sheet)).toEqual([
      { row: 2, cells: { id: 'U1', name: '甲,乙公司' } },
      { row: 4, cells: { id: 'U2', name: '多行\r\n名称' } },
      { row: 5, cells: { id: 'U3', name: '丙' } },
    ]);
  });

  it('reads GB18030 (what Excel on a Chinese Windows saves as CSV)', async () => {
    // 单位编号,单位名称 / U1,张三 in GB18030 bytes (Node has no GB18030 encoder).
    const gb = Buffer.concat([
      Buffer.from('b5a5cebbb1e0bac5', 'hex'),
      Buffer.from(','),
      Buffer.from('b5a5cebbc3fbb3c6', 'hex'),
      Buffer.from('\nU1,'),
      Buffer.from('d5c5c8fd', 'hex'),
      Buffer.from('\n'),
    ]);
    writeFileSync(file('gb.csv'), gb);
    expect(await keyedRows(readCsvSheet(file('gb.csv')))).toEqual([{ row: 2, cells: { id: 'U1', name: '张三' } }]);
  });

  it('keeps a UTF-8 character cut by the 64 KB sniff window whole', async () => {
    const rows = Array.from({ length: 8_000 }, (_, i) => `U${i},单位名称${i}`);
    writeFileSync(file('long.csv'), ['id,name', ...rows].join('\n'));
    const read = await keyedRows(readCsvSheet(file('long.csv')));
    expect(read).toHaveLength(8_000);
    expect(read.every((row, i) => row.cells.name === `单位名称${i}`)).toBe(true);
  });

  it('reports header problems: unknown, repeated and missing columns', async () => {
    writeFileSync(file('headers.csv'), 'Name,单位名称,颜色\nA,B,C\n');
    const keyed = await keyedSheet(readCsvSheet(file('headers.csv')).rows, UNIT_COLUMNS);
    expect(keyed.match.unknown).toEqual([{ index: 2, header: '颜色' }]);
    expect(keyed.match.repeated).toEqual([{ index: 1, header: '单位名称', field: 'name' }]);
    expect(keyed.match.missing.map((c) => c.field)).toEqual(['id', 'employees']);
    expect(await collect(keyed.rows)).toEqual([{ row: 2, cells: { name: 'A' } }]);
  });
});
