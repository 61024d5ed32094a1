import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { EXPORT_INFO_SHEET_NAME, LEDGER_COLUMNS, LEDGER_SHEET_NAME } from '@duban/hazard-import';
import { readXlsxSheets, writeXlsx, type CellValue } from '@duban/spreadsheets';
import { signAccessToken } from '../../apps/api/src/auth/access-token';
import type { CliIo } from '../../apps/cli/src/cli-io';
import { runDuban } from '../../apps/cli/src/duban-program';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { DAY_MS, inspector, office } from '../support/hazard-fixtures';

/**
 * The hazard ledger in Excel through the HTTP API (real Temporal dev server, worker and
 * PostgreSQL): an export read back equals the API's list; an import with a bad row starts
 * nothing; its commit starts hazard workflows that are in the ledger; the same file again, none.
 */
const SECRET = 'e2e-excel-secret';
const run = randomUUID().slice(0, 8);
const unitA: Actor = { id: 'wang', name: 'A建设公司 王经理', role: 'unit', unitId: `xa-${run}` };
const unitB: Actor = { id: 'zhao', name: 'B化工公司 赵经理', role: 'unit', unitId: `xb-${run}` };
const dir = mkdtempSync(path.join(tmpdir(), 'duban-excel-e2e-'));

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness(SECRET);
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const auth = (actor: Actor) => ({ authorization: `Bearer ${signAccessToken(actor, SECRET)}` });
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

async function report(unitId: string, grade: 'general' | 'major', days: number): Promise<string> {
  const created = await api.call(inspector, 'POST', '/hazards', {
    title: `台账测试 ${grade} ${days}`,
    description: '消防通道堵塞',
    location: '3号仓库',
    industry: '工贸',
    unitId,
    grade,
    source: 'inspection',
    finder: '张工',
    deadline: inDays(days),
  });
  expect(created.status).toBe(201);
  return created.body.hazardId;
}

/** GETs an .xlsx as `actor`; the answer, and its sheets' rows (as text) once saved to a file. */
async function download(actor: Actor, url: string) {
  const res = await fetch(`${api.baseUrl}${url}`, { headers: auth(actor) });
  const bytes = Buffer.from(await res.arrayBuffer());
  const sheets: Record<string, string[][]> = {};
  const file = path.join(dir, `${randomUUID()}.xlsx`);
  if (res.status === 200) {
    writeFileSync(file, bytes);
    for await (const sheet of readXlsxSheets(file)) {
      sheets[sheet.name] = [];
      for await (const row of sheet.rows) sheets[sheet.name].push(row.values);
    }
  }
  return { res, sheets, file, body: res.status === 200 ? undefined : JSON.parse(bytes.toString('utf8')) };
}

async function upload(actor: Actor, query: string, file: string, name = '隐患台账.xlsx') {
  const form = new FormData();
  form.append('file', new Blob([readFileSync(file)]), name);
  const res = await fetch(`${api.baseUrl}/hazards/imports${query}`, { method: 'POST', headers: auth(actor), body: form });
  return { status: res.status, body: (await res.json()) as any };
}

const ids = (sheet: string[][]) => sheet.slice(1).map((row) => row[0]);

describe('hazard ledger export (GET /hazards/ledger.xlsx)', () => {
  it('writes exactly the rows GET /hazards lists for the same filters, with Chinese headers, and says what was exported', async () => {
    await report(unitA.unitId!, 'general', 20);
    await report(unitA.unitId!, 'general', 10);
    await report(unitA.unitId!, 'major', 15);
    await report(unitB.unitId!, 'general', 12);
    const filters = `unitId=${unitA.unitId}&grade=general`;
    const listed = await api.call(office, 'GET', `/hazards?${filters}&limit=500`);
    expect(listed.body.total).toBe(2);

    const { res, sheets } = await download(office, `/hazards/ledger.xlsx?${filters}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(
      new RegExp(
        `^attachment; filename="hazard-ledger-\\d{4}-\\d{2}-\\d{2}\\.xlsx"; filename\\*=UTF-8''${encodeURIComponent('隐患台账-')}\\d{4}-\\d{2}-\\d{2}\\.xlsx$`,
      ),
    );
    const ledger = sheets[LEDGER_SHEET_NAME];
    expect(ledger[0]).toEqual(LEDGER_COLUMNS.map((column) => column.label));
    expect(ledger[0].slice(0, 3)).toEqual(['隐患编号', '隐患名称', '隐患描述']);
    expect(ids(ledger)).toEqual(listed.body.items.map((row: any) => row.hazardId));
    expect(ledger.slice(1).map((row) => [row[5], row[6], row[12]])).toEqual([
      [unitA.unitId, '一般隐患', '待制定整改方案'],
      [unitA.unitId, '一般隐患', '待制定整改方案'],
    ]);
    const info = Object.fromEntries(sheets[EXPORT_INFO_SHEET_NAME].slice(1).map(([item, value]) => [item, value]));
    expect(info).toMatchObject({
      '导出人 (exported by)': expect.stringContaining(office.id),
      '行数 (rows)': '2',
      '筛选: 责任单位编号 (unitId)': unitA.unitId,
      '筛选: 隐患等级 (grade)': '一般隐患 (general)',
    });
  });

  it('bounds a unit to its own rows, and refuses paging and another unit’s rows as problems', async () => {
    const own = await download(unitB, '/hazards/ledger.xlsx');
    expect(own.res.status).toBe(200);
    const rows = own.sheets[LEDGER_SHEET_NAME].slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row[5]))).toEqual(new Set([unitB.unitId]));

    const other = await download(unitB, `/hazards/ledger.xlsx?unitId=${unitA.unitId}`);
    expect(other.res.status).toBe(403);
    expect(other.res.headers.get('content-type')).toContain('application/problem+json');
    const paged = await download(office, '/hazards/ledger.xlsx?limit=5');
    expect(paged.res.status).toBe(400);
    expect(paged.body.field).toBe('limit');
  });

  it('serves the import template in the export’s layout', async () => {
    const { res, sheets } = await download(inspector, '/hazards/imports/template.xlsx');
    expect(res.status).toBe(200);
    expect(sheets[LEDGER_SHEET_NAME][0]).toEqual(LEDGER_COLUMNS.map((column) => column.label));
    expect(Object.keys(sheets)).toEqual([LEDGER_SHEET_NAME, '填写说明']);
  });
});

describe('hazard ledger import (POST /hazards/imports)', () => {
  const row = (over: Record<string, CellValue> = {}): Record<string, CellValue> => ({
    hazardId: randomUUID(),
    title: `导入隐患 ${randomUUID().slice(0, 4)}`,
    description: '配电箱未接地',
    location: '1号车间',
    industry: '工贸',
    unitId: unitA.unitId,
    grade: '一般隐患',
    source: '检查发现',
    finder: '李四',
    deadline: inDays(25),
    ...over,
  });
  const ledgerFile = async (name: string, rows: Array<Record<string, CellValue>>) => {
    const file = path.join(dir, name);
    await writeXlsx(file, [{ name: LEDGER_SHEET_NAME, columns: LEDGER_COLUMNS, rows }]);
    return file;
  };
  const count = async (hazardIds: unknown[]) =>
    (await api.dev.dataSource.query('SELECT count(*)::int AS n FROM hazard_ledger WHERE hazard_id = ANY($1::varchar[])', [hazardIds]))[0].n;

  it('reports a bad row and starts nothing; commits the fixed file as hazard workflows in the ledger; the same file again creates none', async () => {
    const rows = [row(), row({ grade: '重大隐患' }), row({ grade: '特大', deadline: '下个月' })];
    const faulty = await ledgerFile('faulty.xlsx', rows);
    const dry = await upload(office, '?dryRun=true', faulty);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, committed: false, counts: { rows: 3, created: 2, existing: 0 } });
    expect(dry.body.errors.map((e: any) => [e.sheet, e.row, e.column, e.cell, e.code])).toEqual([
      [LEDGER_SHEET_NAME, 4, '隐患等级', 'G4', 'input.not_one_of'],
      [LEDGER_SHEET_NAME, 4, '整改期限', 'J4', 'input.malformed'],
    ]);
    expect(dry.body.errors[0].reason.zh).toContain('取值不在允许范围内');
    const refused = await upload(office, '', faulty);
    expect(refused.status).toBe(200);
    expect(refused.body.committed).toBe(false);
    expect(await count(rows.map((r) => r.hazardId))).toBe(0);

    rows[2] = { ...rows[2], grade: '一般', deadline: inDays(5).slice(0, 10) };
    const fixed = await ledgerFile('fixed.xlsx', rows);
    const commit = await upload(office, '?dryRun=false', fixed);
    expect(commit.status).toBe(201);
    expect(commit.body).toMatchObject({ committed: true, errors: [], counts: { rows: 3, created: 3, existing: 0, pending: 0 } });
    expect(await count(rows.map((r) => r.hazardId))).toBe(3);
    const detail = await api.call(office, 'GET', `/hazards/${rows[1].hazardId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.stateSource).toBe('workflow');
    expect(detail.body.state).toMatchObject({ status: 'awaiting_plan', report: { grade: 'major', finder: '李四' } });
    expect(detail.body.ledger.reportedBy).toMatchObject({ id: office.id, name: office.name });
    const trail = await api.call(office, 'GET', `/hazards/${rows[1].hazardId}/events`);
    expect(trail.body.items[0]).toMatchObject({
      type: 'reported',
      actor: { id: office.id },
      reason: expect.stringContaining('; 导入 import of 隐患台账.xlsx, row 3'),
    });
    const exported = await download(office, `/hazards/ledger.xlsx?unitId=${unitA.unitId}`);
    expect(ids(exported.sheets[LEDGER_SHEET_NAME])).toEqual(expect.arrayContaining(rows.map((r) => r.hazardId)));

    const again = await upload(office, '', fixed);
    expect(again.status).toBe(201);
    expect(again.body.counts).toEqual({ rows: 3, created: 0, existing: 3, pending: 0 });
    expect(await count(rows.map((r) => r.hazardId))).toBe(3);
    // An exported ledger is a filled-in template: imported back, every row is one the ledger holds.
    const back = await upload(office, '', exported.file);
    expect(back.body).toMatchObject({
      committed: true,
      errors: [],
      warnings: [],
      counts: { created: 0, existing: exported.sheets[LEDGER_SHEET_NAME].length - 1 },
    });
  });

  it('lets two imports of the same new file race: each row’s hazard is started once and both answer committed', async () => {
    // What a retry after a cut-off commit meets too: rows whose workflow is started but not yet in the ledger are joined, not refused.
    const rows = [row(), row(), row()];
    const file = await ledgerFile('raced.xlsx', rows);
    const [first, second] = await Promise.all([upload(office, '', file), upload(office, '', file)]);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect([first.body.errors, second.body.errors]).toEqual([[], []]);
    expect(await count(rows.map((r) => r.hazardId))).toBe(3);
    const events = await api.dev.dataSource.query(
      `SELECT hazard_id, count(*)::int AS n FROM hazard_event WHERE type = 'reported' AND hazard_id = ANY($1::varchar[]) GROUP BY hazard_id`,
      [rows.map((r) => r.hazardId)],
    );
    expect(events.map((e: any) => e.n)).toEqual([1, 1, 1]);
  });

  it('admits each row as POST /hazards would: a unit only for itself; an auditor not at all', async () => {
    const mixed = await ledgerFile('mixed.xlsx', [row(), row({ unitId: unitB.unitId })]);
    const res = await upload(unitA, '?dryRun=false', mixed);
    expect(res.status).toBe(200);
    expect(res.body.committed).toBe(false);
    expect(res.body.errors.map((e: any) => [e.row, e.column, e.code])).toEqual([[3, '责任单位编号', 'permission.own_unit_only']]);
    const auditor: Actor = { id: 'auditor-chen', name: '纪委监委 陈', role: 'auditor' };
    expect((await upload(auditor, '?dryRun=true', mixed)).status).toBe(403);
    const none = await fetch(`${api.baseUrl}/hazards/imports?dryRun=true`, { method: 'POST', headers: auth(office), body: new FormData() });
    expect(none.status).toBe(400);
    expect(((await none.json()) as any).field).toBe('file');
  });
});

describe('duban hazards (the CLI, through the API)', () => {
  /** Runs `duban <args>` in-process as `actor`; answers its exit code and what it printed. */
  async function duban(actor: Actor, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const [stdout, stderr] = [new PassThrough(), new PassThrough()];
    const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
    stdout.on('data', (c: Buffer) => chunks.out.push(c));
    stderr.on('data', (c: Buffer) => chunks.err.push(c));
    const io: CliIo = { stdout, stderr, env: { DUBAN_API_URL: api.baseUrl, DUBAN_TOKEN: signAccessToken(actor, SECRET) }, exitCode: 0 };
    const code = await runDuban(io, args);
    return { code, out: Buffer.concat(chunks.out).toString('utf8'), err: Buffer.concat(chunks.err).toString('utf8') };
  }

  it('exports the filtered ledger to a file, and imports a file chunk by chunk: a bad row refused, then all, then none again', async () => {
    const out = path.join(dir, 'cli-export.xlsx');
    const exported = await duban(office, 'hazards', 'export', '--out', out, '--unit-id', unitB.unitId!, '--grade', 'general');
    expect(exported.code).toBe(0);
    const listed = await api.call(office, 'GET', `/hazards?unitId=${unitB.unitId}&grade=general&limit=500`);
    const sheets: string[][] = [];
    for await (const sheet of readXlsxSheets(out)) for await (const r of sheet.rows) if (sheet.name === LEDGER_SHEET_NAME) sheets.push(r.values);
    expect(ids(sheets)).toEqual(listed.body.items.map((r: any) => r.hazardId));
    expect((await duban(unitA, 'hazards', 'export', '--out', out, '--unit-id', unitB.unitId!)).code).toBe(1);

    const rows = Array.from({ length: 5 }, (_, i) => ({
      hazardId: randomUUID(),
      title: `命令行导入 ${i}`,
      description: '安全出口指示灯损坏',
      location: '2号楼',
      industry: '工贸',
      unitId: unitB.unitId,
      grade: '一般隐患',
      source: '自查自报',
      finder: '赵经理',
      deadline: inDays(9 + i),
    }));
    const file = path.join(dir, 'cli-import.xlsx');
    await writeXlsx(file, [{ name: LEDGER_SHEET_NAME, columns: LEDGER_COLUMNS, rows: [...rows.slice(0, 4), { ...rows[4], unitId: unitA.unitId }] }]);
    const refused = await duban(unitB, 'hazards', 'import', file, '--chunk', '2');
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/隐患台账\s+6\s+责任单位编号\s+F6/);
    expect(refused.out).toContain('未登记任何隐患');

    await writeXlsx(file, [{ name: LEDGER_SHEET_NAME, columns: LEDGER_COLUMNS, rows }]);
    expect((await duban(unitB, 'hazards', 'import', file, '--dry-run')).out).toMatch(/5\s+5\s+0\s+0/);
    const committed = await duban(unitB, 'hazards', 'import', file, '--chunk', '2');
    expect(committed.code).toBe(0);
    expect(committed.out).toMatch(/5\s+5\s+0\s+0/);
    expect(committed.out).toContain('已全部登记');
    const mine = await api.call(unitB, 'GET', `/hazards?limit=500`);
    expect(mine.body.items.map((r: any) => r.hazardId)).toEqual(expect.arrayContaining(rows.map((r) => r.hazardId)));
    const again = await duban(unitB, 'hazards', 'import', file);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/5\s+0\s+5\s+0/);
  });
});
