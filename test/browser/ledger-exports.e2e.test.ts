import { randomUUID } from 'node:crypto';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import type { LedgerSheetLayout } from '@duban/spreadsheets';
import { ACCIDENT_LEDGER_SHEET } from '../../apps/api/src/accidents/accident-ledger-sheet';
import { CAMPAIGN_UNITS_SHEET } from '../../apps/api/src/campaigns/campaign-units-sheet';
import { ENFORCEMENT_LEDGER_SHEET } from '../../apps/api/src/enforcement/enforcement-ledger-sheet';
import { seedCountyRegistry } from '../support/county-registry';
import { eventually } from '../support/dev-server';
import { DAY_MS, inspector, office } from '../support/hazard-fixtures';
import { screenshot } from './browser';
import { downloadedLedger } from './downloaded-ledger';
import { choose, startWorkspaceSession, type WorkspaceSession } from './workspace-session';

/**
 * The workspace's 导出 Excel buttons beyond the hazard ledger, in Chromium against the real API:
 * the accident and enforcement-case lists (with the filters of the link that opened them) and a
 * campaign's unit list (with its status filter) each download the workbook whose rows are the
 * API's JSON list for the same filters. And the hazard ledger's sortable headers: 整改期限
 * ascending then descending, the table in GET /hazards?sort='s order, the export in the same order.
 */
const SECRET = 'browser-ledger-exports-secret';
const run = randomUUID().slice(0, 6);
const COUNTY = `bx-${run}`;
const INDUSTRY = `bx-ind-${run}`;
const [unitA, unitB, unitC] = ['a', 'b', 'c'].map((u): Actor => ({
  id: `boss-${u}-${run}`,
  name: `${u.toUpperCase()}厂 厂长`,
  role: 'unit',
  unitId: `bx-${u}-${run}`,
}));
/** The hazards' unit: of this run only, so the sorted table holds this run's hazards and no others. */
const HAZARD_UNIT = `bx-hz-${run}`;
/** The hazard table's page size (its default) and the hazards of HAZARD_UNIT: two pages. */
const TABLE_PAGE = 20;
const HAZARDS = 22;
const LAW = '《安全生产法》第一百一十三条';
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

let workspace: WorkspaceSession;
let page: Page;
let campaignId: string;

const created = async (actor: Actor, path: string, body: object) => {
  const res = await workspace.api.call(actor, 'POST', path, body);
  expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(201);
  return res.body;
};

beforeAll(async () => {
  workspace = await startWorkspaceSession(SECRET);
  const api = workspace.api;
  await seedCountyRegistry(api, office, {
    prefix: run,
    countyId: COUNTY,
    industry: { id: INDUSTRY, name: `工贸 ${run}` },
    enterprises: [unitA, unitB, unitC].map((unit) => ({ id: unit.unitId!, name: `${unit.name} 有限公司` })),
  });
  // Accidents: three 一般事故 and one 较大事故 (3 deaths), which the grade filter leaves out.
  for (const [unit, deaths, hours] of [
    [unitA, 1, 5],
    [unitA, 3, 4],
    [unitA, 1, 3],
    [unitB, 1, 2],
  ] as const)
    await created(unit, '/accidents', {
      occurredAt: ago(hours * 3_600_000),
      location: '仓库',
      unitId: unit.unitId,
      industry: '工贸',
      sector: 'industry_trade',
      kind: 'object_strike',
      casualties: { deaths, missing: 0, seriousInjuries: 1, directLossYuan: 800_000 },
      livesEndangered: 3,
      account: '吊装作业时物体打击',
      reporter: '厂长',
      reportedAt: ago(hours * 3_600_000 - 600_000),
    });
  // Enforcement cases: two of unit A's, one of unit B's, which the unit filter leaves out.
  for (const unit of [unitA, unitA, unitB])
    await created(office, '/enforcement-cases', {
      unitId: unit.unitId,
      origin: 'inspection',
      violation: { description: '未按规定开展隐患排查', serious: false, foundAt: ago(3_600_000), legalBasis: LAW },
      respondents: [{ respondentId: 'r-company', role: 'enterprise', name: `${unit.name} 有限公司` }],
      legalBasis: LAW,
    });
  // A campaign of the three units; unit C is removed, so the 进行中 filter leaves it out.
  const rosterUnit = (actor: Actor) => ({
    unitId: actor.unitId!,
    name: `${actor.name} 有限公司`,
    kind: 'enterprise',
    regionId: COUNTY,
    industryId: INDUSTRY,
  });
  campaignId = (
    await created(office, '/campaigns', {
      name: `导出测试 ${run}`,
      templateId: 'hundred-day-drive',
      scope: {
        regions: [{ id: COUNTY, name: '本县' }],
        industries: [{ id: INDUSTRY, name: '工贸' }],
        units: [unitA, unitB, unitC].map(rosterUnit),
        leadLeader: '分管副县长 王',
        leadDepartment: '县应急管理局',
      },
      startsAt: new Date(Date.now() + DAY_MS).toISOString(),
    })
  ).campaignId;
  const statuses = async () =>
    ((await api.call(office, 'GET', `/campaigns/${campaignId}/units`)).body?.items ?? []).map((u: any) => `${u.unitId}:${u.status}`).join(' ');
  // The units' obligations workflows start just after the launch.
  await eventually(async () => (await statuses()) === [unitA, unitB, unitC].map((u) => `${u.unitId}:active`).join(' '), 60_000);
  const removed = await api.call(
    office,
    'DELETE',
    `/campaigns/${campaignId}/units/${unitC.unitId}?reason=${encodeURIComponent('已停产，移出本次行动')}`,
  );
  expect(removed.status, JSON.stringify(removed.body)).toBeLessThan(300);
  await eventually(async () => (await statuses()).includes(`${unitC.unitId}:removed`), 60_000);
  // Hazards in no order of registration by deadline, report time or grade; two share a deadline. Then
  // more than a table page of later ones: a sort must bring the table back to its first page.
  const hazard = (grade: 'general' | 'major', days: number) =>
    created(inspector, '/hazards', {
      title: `排序测试 ${grade === 'major' ? '重大' : '一般'} ${days}天 ${run}`,
      description: '消防通道堵塞',
      location: '仓库',
      industry: '工贸',
      unitId: HAZARD_UNIT,
      grade,
      source: 'inspection',
      finder: '张工',
      deadline: new Date(Math.floor(Date.now() / DAY_MS + days) * DAY_MS).toISOString(),
    });
  for (const [grade, days] of [
    ['general', 20],
    ['major', 10],
    ['general', 10],
    ['major', 30],
    ['general', 5],
  ] as const)
    await hazard(grade, days);
  for (let batch = 0; batch < HAZARDS - 5; batch += 6)
    await Promise.all(Array.from({ length: Math.min(6, HAZARDS - 5 - batch) }, (_, i) => hazard('general', 40 + batch + i)));
  page = await workspace.logInWithToken(office);
}, 600_000);

afterAll(async () => {
  await workspace?.close();
});

/** Clicks the page's 导出 Excel button (the one labelled for `ledger`) and waits for the file it saves. */
async function exportFrom(ledger: string): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `导出 Excel Export：${ledger}` }).click()]);
  await page.getByRole('status').filter({ hasText: '已导出' }).waitFor();
  return download;
}

/** The downloaded sheet equals the JSON list laid out by the export's own sheet layout, cell by cell as text, in its order. */
async function expectExportOfList<R>(download: Download, layout: LedgerSheetLayout<R>, listUrl: string): Promise<string[][]> {
  const listed = await workspace.api.call(office, 'GET', listUrl);
  expect(listed.status, JSON.stringify(listed.body)).toBe(200);
  const [header, ...sheet] = await downloadedLedger(download, layout.name);
  expect(header).toEqual(layout.columns.map((column) => column.label));
  // The reader drops a row's empty cells at its end: padded back to the sheet's width.
  const rows = sheet.map((row) => layout.columns.map((_column, i) => row[i] ?? ''));
  const asText = (row: R) => layout.columns.map((column) => String(layout.cells(row)[column.field] ?? ''));
  expect(rows).toEqual((listed.body.items as R[]).map(asText));
  return rows;
}

describe('the workspace’s Excel export of every ledger list, and the hazard ledger’s sortable headers', () => {
  it('exports the accident list with the filters of the link that opened it (事故台账)', async () => {
    await page.goto(`${workspace.api.baseUrl}/workspace/accidents?regionId=${COUNTY}&grade=general`);
    await expect.poll(() => page.getByRole('heading', { level: 2 }).textContent()).toContain('（3）');
    const download = await exportFrom('事故台账');
    expect(download.suggestedFilename()).toMatch(/^事故台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await screenshot(page, 'office-accidents-exported');
    const rows = await expectExportOfList(download, ACCIDENT_LEDGER_SHEET, `/accidents?regionId=${COUNTY}&grade=general&limit=500`);
    // Newest first, the 较大事故 left out by the filter.
    expect(rows.map((row) => row[1])).toEqual([unitB.unitId, unitA.unitId, unitA.unitId]);
  });

  it('exports the enforcement-case list with its link’s filters (执法台账)', async () => {
    await page.goto(`${workspace.api.baseUrl}/workspace/enforcement-cases?regionId=${COUNTY}&unitId=${unitA.unitId}&status=open`);
    await expect.poll(() => page.getByRole('heading', { level: 2 }).textContent()).toContain('（2）');
    expect(await page.getByTestId('record-filters').textContent()).toContain(`unitId=${unitA.unitId}`);
    const download = await exportFrom('执法台账');
    expect(download.suggestedFilename()).toMatch(/^执法台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await screenshot(page, 'office-enforcement-cases-exported');
    const rows = await expectExportOfList(
      download,
      ENFORCEMENT_LEDGER_SHEET,
      `/enforcement-cases?regionId=${COUNTY}&unitId=${unitA.unitId}&status=open&limit=500`,
    );
    expect(new Set(rows.map((row) => row[1]))).toEqual(new Set([unitA.unitId]));
    expect(rows).toHaveLength(2);
  });

  it('exports a campaign’s units with the status filter the unit list applies (单位任务台账)', async () => {
    await page.goto(`${workspace.api.baseUrl}/workspace/campaigns/${campaignId}`);
    const unitRows = () => page.getByTestId('campaign-units').locator('tbody tr').count();
    // The unit list loads after the campaign's own view (the page's other reads first).
    await expect.poll(unitRows, { timeout: 15_000 }).toBe(3);
    await choose(page, '单位状态 Unit status', '进行中 (active)');
    await page.getByRole('button', { name: '查询单位 Search units' }).click();
    await expect.poll(unitRows).toBe(2);
    const download = await exportFrom('单位任务台账');
    expect(download.suggestedFilename()).toMatch(/^单位任务台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await screenshot(page, 'office-campaign-units-exported');
    const rows = await expectExportOfList(download, CAMPAIGN_UNITS_SHEET, `/campaigns/${campaignId}/units?status=active&limit=500`);
    // Roster order; the removed unit left out.
    expect(rows.map((row) => [row[0], row[5]])).toEqual([
      [unitA.unitId, '进行中'],
      [unitB.unitId, '进行中'],
    ]);
  });

  describe('the hazard ledger sorted by its headers (隐患台账排序)', () => {
    const table = () => page.getByTestId('hazard-table');
    /** The titles in the ledger table, top to bottom. */
    const tableTitles = () => table().locator('tbody tr td:first-child').allTextContents();
    const apiOrder = async (sort: string) => {
      const listed = await workspace.api.call(office, 'GET', `/hazards?unitId=${HAZARD_UNIT}&sort=${sort}&limit=500`);
      expect(listed.status).toBe(200);
      return listed.body.items as Array<{ hazardId: string; title: string }>;
    };
    const deadlineHeader = () => table().locator('thead th', { hasText: '整改期限' });
    /** The table's first page in `sort`'s order. */
    const firstPage = async (sort: string) => (await apiOrder(sort)).slice(0, TABLE_PAGE).map((h) => h.title);
    const currentPage = async () => (await page.locator('.el-pager li.is-active').textContent())?.trim();

    it('sorts by 整改期限 ascending, then descending, as GET /hazards?sort= orders them, back on page 1', async () => {
      await page.goto(`${workspace.api.baseUrl}/workspace/hazards?unitId=${HAZARD_UNIT}`);
      await expect.poll(tableTitles).toHaveLength(TABLE_PAGE);
      expect(await page.getByTestId('sort-hint').textContent()).toContain('默认');
      await page.locator('.el-pager li', { hasText: /^2$/ }).click();
      await expect.poll(tableTitles).toHaveLength(HAZARDS - TABLE_PAGE);

      await deadlineHeader().click();
      const ascending = await firstPage('deadline');
      await expect.poll(tableTitles).toEqual(ascending);
      expect(await currentPage()).toBe('1');
      await expect.poll(() => deadlineHeader().getAttribute('class')).toContain('ascending');
      expect(await page.getByTestId('sort-hint').textContent()).toContain('整改期限由近及远');
      expect(await page.getByTestId('sort-hint').textContent()).not.toContain('默认');

      await deadlineHeader().click();
      const descending = await firstPage('-deadline');
      expect(descending).not.toEqual(ascending);
      await expect.poll(tableTitles).toEqual(descending);
      await expect.poll(() => page.getByTestId('sort-hint').textContent()).toContain('整改期限由远及近');
      await screenshot(page, 'office-ledger-sorted-deadline-descending');
    });

    it('exports in the order the table is sorted by, every page', async () => {
      const download = await exportFrom('隐患台账');
      const [, ...rows] = await downloadedLedger(download);
      expect(rows).toHaveLength(HAZARDS);
      expect(rows.map((row) => row[0])).toEqual((await apiOrder('-deadline')).map((h) => h.hazardId));
      expect(rows.slice(0, TABLE_PAGE).map((row) => row[1])).toEqual(await tableTitles());
    });

    it('sorts from the keyboard with the labelled 排序 select; the header shows the same order', async () => {
      const select = page.getByRole('combobox', { name: '排序 Sort' });
      await select.focus();
      await page.keyboard.press('Enter');
      // The options in the domain's order: deadline, -deadline, reportedAt, -reportedAt, grade, -grade.
      const majorFirst = page.getByRole('option', { name: '重大隐患在前 (grade, major first)' });
      await majorFirst.waitFor();
      for (let i = 0; i < 6 && (await majorFirst.getAttribute('class'))?.includes('is-hovering') !== true; i++)
        await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      const byGrade = await firstPage('-grade');
      await expect.poll(tableTitles).toEqual(byGrade);
      expect(byGrade.slice(0, 2).every((title) => title.includes('重大'))).toBe(true);
      await expect.poll(() => table().locator('thead th', { hasText: '等级' }).getAttribute('class')).toContain('descending');
      expect(await deadlineHeader().getAttribute('class')).not.toContain('ascending');
      expect(await page.getByTestId('sort-hint').textContent()).toContain('重大隐患在前');
      await screenshot(page, 'office-ledger-sorted-grade');
    });
  });
});
