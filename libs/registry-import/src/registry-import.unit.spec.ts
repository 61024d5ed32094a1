import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeImportTemplate, TEMPLATE_EXAMPLES } from './import-template';
import { runRegistryImport } from './run-registry-import';
import { writeImportCsv, writeImportXlsx, enterpriseRows } from './testing/import-files';
import { MemoryImportStore } from './testing/memory-import-store';

const dir = mkdtempSync(path.join(tmpdir(), 'duban-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);

function storeWithTree(): MemoryImportStore {
  const store = new MemoryImportStore();
  store.seed('region', [{ id: 'R1', name: '某县', level: 'county', parentId: null, code: null } as never]);
  store.seed('industry', [{ id: 'I1', name: '危险化学品', parentId: null } as never]);
  return store;
}

describe('registry import', () => {
  it('imports the generated template cleanly, and a second time writes nothing', async () => {
    await writeImportTemplate(at('template.xlsx'));
    const store = new MemoryImportStore();
    const file = { name: 'template.xlsx', path: at('template.xlsx') };
    const dry = await runRegistryImport(file, store, { dryRun: true });
    expect(dry.errors).toEqual([]);
    expect(dry.warnings).toEqual([]);
    expect(dry.committed).toBe(false);
    expect(dry.counts.unit).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0 });
    expect(store.history).toEqual([]);

    const first = await runRegistryImport(file, store, { dryRun: false });
    expect(first.committed).toBe(true);
    expect(first.counts).toMatchObject({ region: { created: 4 }, industry: { created: 2 }, unit: { created: 3 }, person: { created: 2 } });
    expect(store.history).toHaveLength(11);
    expect(store.records('person')).toContainEqual({
      id: 'p-0002',
      name: '李四',
      post: '安全主管',
      unitId: TEMPLATE_EXAMPLES.person[1].unitId,
      phone: '13800000000',
      roles: ['leader_in_charge', 'safety_officer'],
    });

    const again = await runRegistryImport(file, store, { dryRun: false });
    expect(again.counts).toMatchObject({ region: { unchanged: 4 }, unit: { created: 0, updated: 0, unchanged: 3 } });
    expect(store.history).toHaveLength(11);
  });

  it('reports every faulty row with its row, column, cell and reason in zh and en, and writes nothing', async () => {
    const rows = enterpriseRows(8, 'R1', 'I1');
    rows[1].kind = '个体户';
    rows[2].industryId = undefined;
    rows[3].regionId = 'R404';
    rows[4].id = rows[0].id;
    rows[5].licensed = '也许';
    rows[6].status = '无证'; // licensed 是 and 无证 at once
    const file = await writeImportXlsx(at('faulty.xlsx'), {
      unit: rows,
      person: [
        { id: 'P1', name: '王五', post: '厂长', unitId: 'U00001', roles: '主要负责人' },
        { id: 'P2', name: '赵六', post: '厂长', unitId: 'U99999' },
        { id: 'P3', name: '钱七', post: '厂长', unitId: 'U00002', roles: '老板' },
      ],
    });
    const store = storeWithTree();
    const result = await runRegistryImport(file, store, { dryRun: false });
    expect(result.committed).toBe(false);
    expect(store.history).toEqual([]);
    expect(result.errors.map((e) => [e.sheet, e.row, e.column, e.cell, e.code])).toEqual([
      ['单位', 3, '单位类别', 'C3', 'input.not_one_of'],
      ['单位', 4, '行业编号', 'E4', 'registry.unit.industry_required'],
      ['单位', 5, '属地编号', 'D5', 'registry.reference.unknown'],
      ['单位', 6, '单位编号', 'A6', 'input.duplicate_id'],
      ['单位', 7, '是否有证', 'H7', 'input.not_boolean'],
      ['单位', 8, '是否有证', 'H8', 'registry.unit.licensed_but_unlicensed'],
      ['责任人', 3, '所在单位编号', 'D3', 'registry.reference.unknown'],
      ['责任人', 4, '责任角色', 'F4', 'input.not_one_of'],
    ]);
    expect(result.errors[2].reason).toEqual({
      zh: '引用的记录不在单位库中 ("R404")',
      en: 'regionId: region R404 is neither in this file nor current in the registry ("R404")',
    });
    expect(result.errors[3].reason.zh).toBe('编号重复 ("U00001, 第 2 行")');
  });

  it('refuses a region whose code or level does not fit its parent, in the file or the registry', async () => {
    const file = await writeImportXlsx(at('regions.xlsx'), {
      region: [
        { id: '330100', name: '杭州市', level: '市', parentId: '330000', code: '330100' },
        { id: '330000', name: '浙江省', level: '省', code: '330000' },
        { id: '320102', name: '错区', level: '县区', parentId: '330100', code: '320102' },
        { id: 'T1', name: '某镇', level: '乡镇', parentId: '330100' },
        { id: 'X1', name: '孤县', level: '县区', parentId: 'NOPE' },
      ],
    });
    const result = await runRegistryImport(file, new MemoryImportStore(), { dryRun: true });
    expect(result.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [4, 'code', 'registry.region.code_parent_mismatch'],
      [5, 'level', 'registry.region.level_mismatch'],
      [6, 'parentId', 'registry.reference.unknown'],
    ]);
  });

  it('reads a CSV of the same rows exactly as the .xlsx, its kind told by its header', async () => {
    const rows = enterpriseRows(30, 'R1', 'I1');
    const xlsx = await writeImportXlsx(at('same.xlsx'), { unit: rows });
    const csv = writeImportCsv(at('same-rows.csv'), 'unit', rows);
    const [fromXlsx, fromCsv] = [storeWithTree(), storeWithTree()];
    const a = await runRegistryImport(xlsx, fromXlsx, { dryRun: false });
    const b = await runRegistryImport(csv, fromCsv, { dryRun: false });
    expect(b.counts).toEqual(a.counts);
    expect(b.counts.unit.created).toBe(30);
    expect(fromCsv.records('unit')).toEqual(fromXlsx.records('unit'));
  });

  it('says what is wrong with the file itself: type, missing column, unknown sheet and column', async () => {
    const store = storeWithTree();
    expect((await runRegistryImport({ name: 'x.xls', path: 'x.xls' }, store, { dryRun: true })).errors[0].code).toBe('import.file_type');
    const file = await writeImportXlsx(at('shapes.xlsx'), { unit: enterpriseRows(2, 'R1', 'I1') });
    const broken = writeImportCsv(at('people.csv'), 'person', [{ id: 'P1', name: '王五', post: '厂长' }]);
    const noUnit = broken;
    const csv = await runRegistryImport(noUnit, store, { dryRun: true });
    // The header lacks nothing: the row lacks its unit.
    expect(csv.errors.map((e) => [e.row, e.field, e.code])).toEqual([[2, 'unitId', 'input.required']]);
    const garbage = await runRegistryImport({ name: 'bad.xlsx', path: at('people.csv') }, store, { dryRun: true });
    expect(garbage.errors[0].code).toBe('import.file_unreadable');
    const good = await runRegistryImport(file, store, { dryRun: true });
    expect(good.errors).toEqual([]);
  });

  it('reports progress per batch while validating and writing', async () => {
    const file = await writeImportXlsx(at('progress.xlsx'), { unit: enterpriseRows(25, 'R1', 'I1') });
    const seen: string[] = [];
    await runRegistryImport(file, storeWithTree(), {
      dryRun: false,
      batchSize: 10,
      onProgress: (p) => seen.push(`${p.phase}:${p.done}/${p.total ?? '?'}`),
    });
    expect(seen).toEqual(['validate:10/?', 'validate:20/?', 'validate:25/?', 'write:10/25', 'write:20/25', 'write:25/25']);
  });
});
