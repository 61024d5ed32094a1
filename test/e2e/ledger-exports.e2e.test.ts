import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { EXPORT_INFO_SHEET_NAME, readXlsxSheets, type LedgerSheetLayout } from '@duban/spreadsheets';
import { ACCIDENT_LEDGER_SHEET } from '../../apps/api/src/accidents/accident-ledger-sheet';
import { signAccessToken } from '../../apps/api/src/auth/access-token';
import { CAMPAIGN_UNITS_SHEET } from '../../apps/api/src/campaigns/campaign-units-sheet';
import { ENFORCEMENT_LEDGER_SHEET } from '../../apps/api/src/enforcement/enforcement-ledger-sheet';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { seedCountyRegistry } from '../support/county-registry';
import { eventually } from '../support/dev-server';
import { DAY_MS, inspector, office } from '../support/hazard-fixtures';

/**
 * Every ledger list in Excel through the HTTP API (real Temporal dev server, worker and
 * PostgreSQL): 事故台账, 执法台账 and a campaign's 单位任务台账 each read back equal their JSON
 * list for the same filters, bounded as the list is; a bad filter is a 400 naming it. And the
 * hazard ledger's `sort`: every page in its order, each row once, the export in the same order.
 */
const SECRET = 'e2e-ledger-exports-secret';
const run = randomUUID().slice(0, 8);
const COUNTY = `lx-${run}`;
const INDUSTRY = `lx-ind-${run}`;
const [unitA, unitB] = ['a', 'b'].map((u): Actor => ({ id: `boss-${u}-${run}`, name: `${u}厂 厂长`, role: 'unit', unitId: `lx-${u}-${run}` }));
/** An office of another county: outside the territory of both units. */
const otherCounty: Actor = { id: `other-${run}`, name: '邻县安委办 周主任', role: 'office', regionId: `lx-elsewhere-${run}` };
const LAW = '《安全生产法》第一百一十三条';
const dir = mkdtempSync(path.join(tmpdir(), 'duban-ledger-exports-'));

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness(SECRET);
  await seedCountyRegistry(api, office, {
    prefix: run,
    countyId: COUNTY,
    industry: { id: INDUSTRY, name: `工贸 ${run}` },
    enterprises: [unitA, unitB].map((unit) => ({ id: unit.unitId!, name: `${unit.name} 有限公司` })),
  });
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const call: ApiHarness['call'] = (...args) => api.call(...args);
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** GETs an .xlsx as `actor`: the answer, its sheets' rows as text, or the problem it answered instead. */
async function download(actor: Actor, url: string) {
  const res = await fetch(`${api.baseUrl}${url}`, { headers: { authorization: `Bearer ${signAccessToken(actor, SECRET)}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  const sheets: Record<string, string[][]> = {};
  if (res.status === 200) {
    const file = path.join(dir, `${randomUUID()}.xlsx`);
    writeFileSync(file, bytes);
    for await (const sheet of readXlsxSheets(file)) {
      sheets[sheet.name] = [];
      for await (const row of sheet.rows) sheets[sheet.name]!.push(row.values);
    }
  }
  return { res, sheets, problem: res.status === 200 ? undefined : JSON.parse(bytes.toString('utf8')) };
}

/** The export's rows, cell by cell as text, and the JSON list's rows laid out by the same sheet: the two must be equal. */
async function exportMatchesList<R>(actor: Actor, listUrl: string, exportUrl: string, layout: LedgerSheetLayout<R>, fileName: string) {
  const listed = await call(actor, 'GET', listUrl);
  expect(listed.status, JSON.stringify(listed.body)).toBe(200);
  const { res, sheets } = await download(actor, exportUrl);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(res.headers.get('content-disposition')).toMatch(
    new RegExp(`filename\\*=UTF-8''${encodeURIComponent(`${fileName}-`)}\\d{4}-\\d{2}-\\d{2}\\.xlsx$`),
  );
  const sheet = sheets[layout.name]!;
  expect(sheet[0]).toEqual(layout.columns.map((column) => column.label));
  const asText = (row: R) => layout.columns.map((column) => String(layout.cells(row)[column.field] ?? ''));
  // The reader drops a row's empty cells at its end: padded back to the sheet's width.
  const rows = sheet.slice(1).map((row) => layout.columns.map((_column, i) => row[i] ?? ''));
  expect(rows).toEqual((listed.body.items as R[]).map(asText));
  return { rows, info: Object.fromEntries(sheets[EXPORT_INFO_SHEET_NAME]!.slice(1).map(([item, value]) => [item, value])) };
}

const expectBadFilter = async (actor: Actor, url: string, field: string) => {
  const { res, problem } = await download(actor, url);
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(problem.field ?? problem.errors?.[0]?.field).toBe(field);
  // The API's one validation answer, as for every list's query (GET /problems lists it).
  expect(problem.code).toBe('request.invalid');
};

describe('GET /accidents/ledger.xlsx (事故台账导出)', () => {
  beforeAll(async () => {
    const report = (unit: Actor, deaths: number, hoursAgo: number) =>
      call(unit, 'POST', '/accidents', {
        occurredAt: ago(hoursAgo * 3_600_000),
        location: '仓库',
        unitId: unit.unitId,
        industry: '工贸',
        sector: 'industry_trade',
        kind: 'object_strike',
        casualties: { deaths, missing: 0, seriousInjuries: 1, directLossYuan: 800_000 },
        livesEndangered: 3,
        account: '吊装作业时物体打击',
        reporter: '厂长',
        reportedAt: ago(hoursAgo * 3_600_000 - 600_000),
      });
    for (const [unit, deaths, hours] of [
      [unitA, 1, 5],
      [unitA, 3, 4],
      [unitA, 1, 3],
      [unitB, 1, 2],
    ] as const)
      expect((await report(unit, deaths, hours)).status).toBe(201);
  });

  it('writes exactly the rows GET /accidents lists for the same filters, with Chinese headers and values', async () => {
    const filters = `regionId=${COUNTY}&grade=general`;
    const { rows, info } = await exportMatchesList(
      office,
      `/accidents?${filters}&limit=500`,
      `/accidents/ledger.xlsx?${filters}`,
      ACCIDENT_LEDGER_SHEET,
      '事故台账',
    );
    expect(rows.map((row) => row[1])).toEqual([unitB.unitId, unitA.unitId, unitA.unitId]);
    expect(new Set(rows.map((row) => row[6]))).toEqual(new Set(['一般事故']));
    expect(info).toMatchObject({ '行数 (rows)': '3', '筛选: 事故等级 (grade)': '一般事故 (general)', '筛选: 事故发生地编号 (regionId)': COUNTY });
  });

  it('bounds a unit to its own rows and refuses what lies outside the caller’s scope', async () => {
    const own = await exportMatchesList(unitB, '/accidents?limit=500', '/accidents/ledger.xlsx', ACCIDENT_LEDGER_SHEET, '事故台账');
    expect(own.rows.map((row) => row[1])).toEqual([unitB.unitId]);
    expect((await download(unitB, `/accidents/ledger.xlsx?unitId=${unitA.unitId}`)).res.status).toBe(403);
    const outside = await download(otherCounty, `/accidents/ledger.xlsx?unitId=${unitA.unitId}`);
    expect([outside.res.status, outside.problem.code]).toEqual([403, 'permission.outside_territory']);
    expect((await download(otherCounty, `/accidents/ledger.xlsx?regionId=${COUNTY}`)).sheets[ACCIDENT_LEDGER_SHEET.name]).toHaveLength(1);
    await expectBadFilter(office, '/accidents/ledger.xlsx?grade=huge', 'grade');
    await expectBadFilter(office, '/accidents/ledger.xlsx?limit=5', 'limit');
  });
});

describe('GET /enforcement-cases/ledger.xlsx (执法台账导出)', () => {
  beforeAll(async () => {
    for (const unit of [unitA, unitA, unitB]) {
      const opened = await call(office, 'POST', '/enforcement-cases', {
        unitId: unit.unitId,
        origin: 'inspection',
        violation: { description: '未按规定开展隐患排查', serious: false, foundAt: ago(3_600_000), legalBasis: LAW },
        respondents: [{ respondentId: 'r-company', role: 'enterprise', name: `${unit.name} 有限公司` }],
        legalBasis: LAW,
      });
      expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    }
  });

  it('writes exactly the rows GET /enforcement-cases lists for the same filters', async () => {
    const filters = `regionId=${COUNTY}&origin=inspection&status=open`;
    const { rows, info } = await exportMatchesList(
      inspector,
      `/enforcement-cases?${filters}&limit=500`,
      `/enforcement-cases/ledger.xlsx?${filters}`,
      ENFORCEMENT_LEDGER_SHEET,
      '执法台账',
    );
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((row) => `${row[4]} ${row[6]}`))).toEqual(new Set(['监督检查 办理中']));
    expect(info).toMatchObject({ '行数 (rows)': '3', '筛选: 案件状态 (status)': '办理中 (open)' });
  });

  it('bounds a unit to its own cases and refuses another unit’s and a bad filter', async () => {
    const own = await exportMatchesList(
      unitA,
      '/enforcement-cases?limit=500',
      '/enforcement-cases/ledger.xlsx',
      ENFORCEMENT_LEDGER_SHEET,
      '执法台账',
    );
    expect(new Set(own.rows.map((row) => row[1]))).toEqual(new Set([unitA.unitId]));
    expect(own.rows).toHaveLength(2);
    expect((await download(unitA, `/enforcement-cases/ledger.xlsx?unitId=${unitB.unitId}`)).res.status).toBe(403);
    await expectBadFilter(office, '/enforcement-cases/ledger.xlsx?suspended=maybe', 'suspended');
  });
});

describe('GET /campaigns/:id/units/ledger.xlsx (单位任务台账导出)', () => {
  let campaignId: string;
  beforeAll(async () => {
    const unit = (actor: Actor) => ({
      unitId: actor.unitId!,
      name: `${actor.name} 有限公司`,
      kind: 'enterprise',
      regionId: COUNTY,
      industryId: INDUSTRY,
    });
    const launched = await call(office, 'POST', '/campaigns', {
      name: `导出测试 ${run}`,
      templateId: 'hundred-day-drive',
      scope: {
        regions: [{ id: COUNTY, name: '本县' }],
        industries: [{ id: INDUSTRY, name: '工贸' }],
        units: [unit(unitA), unit(unitB)],
        leadLeader: '分管副县长 王',
        leadDepartment: '县应急管理局',
      },
      startsAt: new Date(Date.now() + DAY_MS).toISOString(),
    });
    expect(launched.status, JSON.stringify(launched.body)).toBe(201);
    campaignId = launched.body.campaignId;
    await eventually(async () => (await call(office, 'GET', `/campaigns/${campaignId}/units`)).body?.items?.every((u: any) => u.status === 'active'));
  });

  it('writes exactly the units GET /campaigns/:id/units lists, with their status and counters', async () => {
    const units = `/campaigns/${campaignId}/units`;
    const { rows, info } = await exportMatchesList(office, `${units}?limit=500`, `${units}/ledger.xlsx`, CAMPAIGN_UNITS_SHEET, '单位任务台账');
    expect(rows.map((row) => [row[0], row[5]])).toEqual([
      [unitA.unitId, '进行中'],
      [unitB.unitId, '进行中'],
    ]);
    expect(info).toMatchObject({ '行数 (rows)': '2', '筛选: 专项行动编号 (campaignId)': campaignId });
    const filtered = await exportMatchesList(
      office,
      `${units}?status=paused`,
      `${units}/ledger.xlsx?status=paused`,
      CAMPAIGN_UNITS_SHEET,
      '单位任务台账',
    );
    expect(filtered.rows).toEqual([]);
  });

  it('gives a unit its own row only, refuses another unit’s and a bad filter', async () => {
    const units = `/campaigns/${campaignId}/units`;
    const own = await exportMatchesList(unitB, units, `${units}/ledger.xlsx`, CAMPAIGN_UNITS_SHEET, '单位任务台账');
    expect(own.rows.map((row) => row[0])).toEqual([unitB.unitId]);
    expect((await download(unitB, `${units}/ledger.xlsx?unitId=${unitA.unitId}`)).res.status).toBe(403);
    await expectBadFilter(office, `${units}/ledger.xlsx?status=bogus`, 'status');
  });
});

describe('GET /hazards?sort= (隐患台账排序)', () => {
  const hazardIds: string[] = [];
  beforeAll(async () => {
    // Deadlines and grades in no order of registration; two share a deadline.
    for (const [grade, days] of [
      ['general', 20],
      ['major', 10],
      ['general', 10],
      ['major', 30],
      ['general', 5],
    ] as const) {
      const created = await call(inspector, 'POST', '/hazards', {
        title: `排序测试 ${grade} ${days}`,
        description: '消防通道堵塞',
        location: '仓库',
        industry: '工贸',
        unitId: unitA.unitId,
        grade,
        source: 'inspection',
        finder: '张工',
        deadline: new Date(Math.floor(Date.now() / DAY_MS + days) * DAY_MS).toISOString(),
      });
      expect(created.status).toBe(201);
      hazardIds.push(created.body.hazardId);
    }
  });

  /** Every page of two rows of GET /hazards for this file's unit in `sort`'s order. */
  const pages = async (sort: string) => {
    const rows: any[] = [];
    for (let offset = 0; offset < hazardIds.length + 2; offset += 2) {
      const page = await call(office, 'GET', `/hazards?unitId=${unitA.unitId}&sort=${sort}&limit=2&offset=${offset}`);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(hazardIds.length);
      rows.push(...page.body.items);
    }
    return rows;
  };

  it.each([
    ['deadline', (r: any) => r.deadline, 1],
    ['-deadline', (r: any) => r.deadline, -1],
    ['reportedAt', (r: any) => r.reportedAt, 1],
    ['-reportedAt', (r: any) => r.reportedAt, -1],
    ['grade', (r: any) => r.grade, 1],
    ['-grade', (r: any) => r.grade, -1],
  ] as const)('pages by sort=%s: every row once, in its order; the export in the same order', async (sort, key, direction) => {
    const rows = await pages(sort);
    expect(rows.map((r) => r.hazardId).sort()).toEqual([...hazardIds].sort());
    const keys: string[] = rows.map(key);
    const ordered = [...keys].sort();
    expect(keys).toEqual(direction === 1 ? ordered : ordered.reverse());
    const exported = await download(office, `/hazards/ledger.xlsx?unitId=${unitA.unitId}&sort=${sort}`);
    expect(exported.sheets['隐患台账']!.slice(1).map((row) => row[0])).toEqual(rows.map((r) => r.hazardId));
  });

  it('refuses a sort it does not know, naming `sort`', async () => {
    const refused = await call(office, 'GET', `/hazards?sort=title`);
    expect(refused.status).toBe(400);
    expect(refused.body.field ?? refused.body.errors?.[0]?.field).toBe('sort');
    expect(refused.body.code).toBe('request.invalid');
    await expectBadFilter(office, '/hazards/ledger.xlsx?sort=-title', 'sort');
  });
});
