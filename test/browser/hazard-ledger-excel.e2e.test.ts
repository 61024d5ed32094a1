import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_COLUMNS, LEDGER_SHEET_NAME } from '@duban/hazard-import';
import { writeXlsx, type CellValue } from '@duban/spreadsheets';
import { DAY_MS, inspector, office } from '../support/hazard-fixtures';
import { screenshot } from './browser';
import { downloadedLedger } from './downloaded-ledger';
import { choose, startWorkspaceSession, type WorkspaceSession } from './workspace-session';

/**
 * The hazard ledger's Excel buttons (隐患台账 导出/导入) in Chromium against the real API: an
 * office imports a file with a bad row (the page names the row, the column and why; nothing is
 * created), then the fixed file (the new hazards appear in the table), then filters the ledger
 * and exports it: the downloaded workbook holds the rows GET /hazards lists for those filters.
 */
const SECRET = 'browser-excel-secret';
const run = randomUUID().slice(0, 6);
/** A unit of this run only (not in any registry region): the filters below see this run's rows and no others. */
const UNIT = `xl-${run}`;
const dir = mkdtempSync(path.join(tmpdir(), 'duban-browser-excel-'));
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

let workspace: WorkspaceSession;
let page: Page;
/** Hazards reported before the import: one the grade filter keeps, one it leaves out. */
const seeded: Record<'general' | 'major', string> = { general: '', major: '' };

beforeAll(async () => {
  workspace = await startWorkspaceSession(SECRET);
  for (const grade of ['general', 'major'] as const) {
    const created = await workspace.api.call(inspector, 'POST', '/hazards', {
      title: `登记的${grade === 'general' ? '一般' : '重大'}隐患 ${run}`,
      description: '检查发现',
      location: '2号车间',
      industry: '工贸',
      unitId: UNIT,
      grade,
      source: 'inspection',
      finder: '张工',
      deadline: inDays(40),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    seeded[grade] = created.body.hazardId;
  }
  page = await workspace.logInWithToken(office);
}, 600_000);

afterAll(async () => {
  await workspace?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A row in the template's layout (the template's own columns, Chinese words as a person types them). */
const row = (title: string, over: Record<string, CellValue> = {}): Record<string, CellValue> => ({
  hazardId: randomUUID(),
  title,
  description: '配电箱未接地',
  location: '1号车间',
  industry: '工贸',
  unitId: UNIT,
  grade: '一般隐患',
  source: '检查发现',
  finder: '李四',
  deadline: inDays(20).slice(0, 10),
  ...over,
});

async function ledgerFile(name: string, rows: Array<Record<string, CellValue>>): Promise<string> {
  const file = path.join(dir, name);
  await writeXlsx(file, [{ name: LEDGER_SHEET_NAME, columns: LEDGER_COLUMNS, rows }]);
  return file;
}

const inLedger = async (hazardIds: unknown[]): Promise<number> =>
  (await workspace.api.dev.dataSource.query('SELECT count(*)::int AS n FROM hazard_ledger WHERE hazard_id = ANY($1::varchar[])', [hazardIds]))[0].n;

/** The titles in the ledger table, top to bottom. */
const tableTitles = () => page.getByTestId('hazard-table').locator('tbody tr td:first-child').allTextContents();

describe('the hazard ledger’s Excel import and export in a real browser (隐患台账 导入/导出)', () => {
  const good = [row(`导入的隐患甲 ${run}`, { deadline: inDays(10).slice(0, 10) }), row(`导入的隐患乙 ${run}`, { deadline: inDays(30).slice(0, 10) })];

  it('shows a bad row’s faults (row, column, reason) and creates nothing; the fixed file commits and its hazards appear in the table', async () => {
    await page.goto(`${workspace.api.baseUrl}/workspace/hazards`);
    // The table shows this run's unit only, so the imported rows are on its first page.
    await page.getByLabel('责任单位 Unit').fill(UNIT);
    await page.getByRole('button', { name: '查询 Search' }).click();
    await expect.poll(tableTitles).toHaveLength(2);

    const faulty = [good[0], { ...good[1], grade: '特大', deadline: '下个月' }];
    await page.getByLabel('导入隐患台账 (.xlsx) Import a ledger').setInputFiles(await ledgerFile('有错误的台账.xlsx', faulty));
    await page.getByRole('button', { name: '试导入 Dry run' }).click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const cells = await Promise.all(
      (await errors.locator('tbody tr').all()).map(async (tr) =>
        (await tr.locator('td').allTextContents()).map((text) => text.trim().replace(/\s+/g, ' ')),
      ),
    );
    // The header is row 1: the faulty row is the sheet's row 3, its grade in column G and its deadline in J.
    expect(cells.map(([rowNumber, column]) => [rowNumber, column])).toEqual([
      ['3', '隐患等级 (G3)'],
      ['3', '整改期限 (J3)'],
    ]);
    expect(cells[0][2]).toContain('取值不在允许范围内');
    expect(cells[1][2]).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.getByTestId('import-result').getByRole('status').textContent()).toContain('未导入');
    expect(await page.getByRole('button', { name: '确认导入 Commit' }).isDisabled()).toBe(true);
    await screenshot(page, 'office-ledger-import-errors');
    expect(await inLedger(faulty.map((r) => r.hazardId))).toBe(0);

    await page.getByLabel('导入隐患台账 (.xlsx) Import a ledger').setInputFiles(await ledgerFile('隐患台账.xlsx', good));
    expect(await page.getByTestId('import-result').count()).toBe(0);
    await page.getByRole('button', { name: '试导入 Dry run' }).click();
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain('试导入通过');
    expect(await page.getByTestId('import-result').textContent()).toContain('将新建 2');
    expect(await inLedger(good.map((r) => r.hazardId))).toBe(0);
    await page.getByRole('button', { name: '确认导入 Commit' }).click();
    await expect.poll(() => page.getByTestId('import-result').textContent()).toContain('已导入');
    expect(await page.getByTestId('import-result').textContent()).toContain('新建 2');
    // The table reloads after the commit, with the filter it had: the two new hazards among this unit's four, most urgent deadline first.
    await expect.poll(tableTitles).toHaveLength(4);
    expect((await tableTitles())[0]).toBe(good[0].title);
    expect(await tableTitles()).toContain(good[1].title);
    expect(await inLedger(good.map((r) => r.hazardId))).toBe(2);
    await screenshot(page, 'office-ledger-imported');
  });

  it('exports the filtered ledger: the downloaded workbook holds the rows GET /hazards lists for the same filters, in its order', async () => {
    await choose(page, '隐患等级 Grade', '一般隐患 (general hazard)');
    await page.getByRole('button', { name: '查询 Search' }).click();
    await expect.poll(tableTitles).toHaveLength(3);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel Export' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^隐患台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [header, ...rows] = await downloadedLedger(download);
    await page.getByRole('status').filter({ hasText: '已导出' }).waitFor();
    await screenshot(page, 'office-ledger-exported');
    expect(header).toEqual(LEDGER_COLUMNS.map((column) => column.label));
    const listed = await workspace.api.call(office, 'GET', `/hazards?unitId=${UNIT}&grade=general&limit=500`);
    expect(listed.status).toBe(200);
    const listedIds = listed.body.items.map((h: any) => h.hazardId);
    expect(rows.map((r) => r[0])).toEqual(listedIds);
    expect(new Set(listedIds)).toEqual(new Set([seeded.general, ...good.map((r) => r.hazardId)]));
    expect(listedIds).not.toContain(seeded.major);
    // The file's rows are the table's, in the table's order.
    expect(rows.map((r) => r[1])).toEqual(await tableTitles());
  });
});
