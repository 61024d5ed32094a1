import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useLedgerDatabase } from '../../persistence/src/testing/ledger-database';
import { PgRegistryImportStore } from './pg-registry-import-store';
import { runRegistryImport } from './run-registry-import';
import { enterpriseRows, writeImportCsv, writeImportXlsx, type ImportRows } from './testing/import-files';

const dir = mkdtempSync(path.join(tmpdir(), 'duban-import-pg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);
const OFFICE = { id: 'cli:importer', name: '导入员', role: 'office' as const };

/** A file of a region tree, an industry and `n` enterprises in it, ids under `prefix`. */
function registryRows(prefix: string, n: number): ImportRows {
  return {
    region: [
      { id: `${prefix}-zj`, name: '浙江省', level: '省', code: '330000' },
      { id: `${prefix}-hz`, name: '杭州市', level: '市', parentId: `${prefix}-zj`, code: '330100' },
      { id: `${prefix}-xh`, name: '西湖区', level: '县区', parentId: `${prefix}-hz`, code: '330106' },
    ],
    industry: [{ id: `${prefix}-chem`, name: '危险化学品' }],
    unit: enterpriseRows(n, `${prefix}-xh`, `${prefix}-chem`).map((row) => ({ ...row, id: `${prefix}-${row.id}` })),
  };
}

describe('the registry import on PostgreSQL', () => {
  const db = useLedgerDatabase('registry_import');
  const store = (reason = '导入测试') => new PgRegistryImportStore(db.dataSource, { actor: OFFICE, reason });
  const versions = async () => ({
    regions: await db.count('registry_region'),
    industries: await db.count('registry_industry'),
    units: await db.count('registry_unit'),
  });

  it('reports all 10 bad rows among 1,000 with row, column and reason, and writes nothing', async () => {
    const rows = registryRows('bad', 1000);
    const units = rows.unit!;
    const bad = [17, 101, 230, 333, 404, 512, 650, 777, 888, 999];
    bad.forEach((i, n) => {
      if (n % 5 === 0) units[i].regionId = 'nowhere';
      if (n % 5 === 1) units[i].kind = '合作社';
      if (n % 5 === 2) units[i].industryId = undefined;
      if (n % 5 === 3) units[i].id = units[0].id;
      if (n % 5 === 4) units[i].licensed = '大概';
    });
    const file = await writeImportXlsx(at('bad.xlsx'), rows);
    const before = await versions();
    const result = await runRegistryImport(file, store(), { dryRun: false });
    expect(await versions()).toEqual(before);
    expect(result.committed).toBe(false);
    expect(result.errors.map((e) => [e.sheet, e.row, e.column])).toEqual(
      bad.map((i, n) => ['单位', i + 2, ['属地编号', '单位类别', '行业编号', '单位编号', '是否有证'][n % 5]]),
    );
    for (const error of result.errors) {
      expect(error.reason.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(error.reason.en).toMatch(/[a-z]/);
    }
  });

  it('commits a good file in one transaction; the same file again writes no new version', async () => {
    const file = await writeImportXlsx(at('good.xlsx'), registryRows('good', 1000));
    const before = await versions();
    const dry = await runRegistryImport(file, store(), { dryRun: true });
    expect(dry.errors).toEqual([]);
    expect(dry.counts.unit).toEqual({ rows: 1000, created: 1000, updated: 0, unchanged: 0 });
    expect(await versions()).toEqual(before);

    const result = await runRegistryImport(file, store('导入 good.xlsx'), { dryRun: false, batchSize: 300 });
    expect(result.committed).toBe(true);
    expect(result.counts.unit).toEqual({ rows: 1000, created: 1000, updated: 0, unchanged: 0 });
    expect(await versions()).toEqual({ regions: before.regions + 3, industries: before.industries + 1, units: before.units + 1000 });
    const [unit] = await db.dataSource.query(
      `SELECT name, kind, region_id, licensed, change, reason, changed_by_id, changed_by_role FROM registry_unit WHERE id = 'good-U00500'`,
    );
    expect(unit).toEqual({
      name: '测试企业500',
      kind: 'enterprise',
      region_id: 'good-xh',
      licensed: true,
      change: 'created',
      reason: '导入 good.xlsx',
      changed_by_id: 'cli:importer',
      changed_by_role: 'office',
    });
    const [path] = await db.dataSource.query(`SELECT path FROM registry_region WHERE id = 'good-xh'`);
    expect(path.path).toBe('good-zj/good-hz/good-xh');

    const after = await versions();
    const again = await runRegistryImport(file, store(), { dryRun: false });
    expect(again.committed).toBe(true);
    expect(again.counts.unit).toEqual({ rows: 1000, created: 0, updated: 0, unchanged: 1000 });
    expect(await versions()).toEqual(after);
  });

  it('imports an .xlsx and a .csv of the same rows identically: the CSV after the .xlsx changes nothing', async () => {
    const rows = registryRows('same', 200);
    const tree = { region: rows.region, industry: rows.industry };
    expect((await runRegistryImport(await writeImportXlsx(at('tree.xlsx'), tree), store(), { dryRun: false })).committed).toBe(true);
    const xlsx = await writeImportXlsx(at('same.xlsx'), { unit: rows.unit });
    const csv = writeImportCsv(at('same.csv'), 'unit', rows.unit!);
    const fromXlsx = await runRegistryImport(xlsx, store(), { dryRun: false });
    expect(fromXlsx.counts.unit).toEqual({ rows: 200, created: 200, updated: 0, unchanged: 0 });
    const after = await versions();
    const fromCsv = await runRegistryImport(csv, store(), { dryRun: false });
    expect(fromCsv.errors).toEqual([]);
    expect(fromCsv.counts.unit).toEqual({ rows: 200, created: 0, updated: 0, unchanged: 200 });
    expect(await versions()).toEqual(after);

    // One changed cell in the CSV: exactly one new version.
    const changed = rows.unit!.map((row, i) => (i === 7 ? { ...row, status: '停产' } : row));
    const update = await runRegistryImport(writeImportCsv(at('changed.csv'), 'unit', changed), store(), { dryRun: false });
    expect(update.counts.unit).toEqual({ rows: 200, created: 0, updated: 1, unchanged: 199 });
    expect(await versions()).toEqual({ ...after, units: after.units + 1 });
  });

  it('refuses a unit whose region the registry holds but retired', async () => {
    const rows = registryRows('ret', 2);
    await runRegistryImport(await writeImportXlsx(at('ret-tree.xlsx'), { region: rows.region, industry: rows.industry }), store(), { dryRun: false });
    await db.dataSource.query(`UPDATE registry_region SET retired = true WHERE id = 'ret-xh'`);
    const result = await runRegistryImport(await writeImportXlsx(at('ret-units.xlsx'), { unit: rows.unit }), store(), { dryRun: true });
    expect(result.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [2, 'regionId', 'registry.reference.unknown'],
      [3, 'regionId', 'registry.reference.unknown'],
    ]);
  });
});
