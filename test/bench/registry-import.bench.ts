import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dubanDataSourceOptions, runMigrations } from '@duban/persistence';
import { PgRegistryImportStore, runRegistryImport, type ImportFile } from '@duban/registry-import';
import { ScratchDatabases } from '../../libs/persistence/src/testing/scratch-databases';
import { enterpriseRows, writeImportXlsx } from '../../libs/registry-import/src/testing/import-files';
import { reportFigure } from './bench-figures';

/**
 * Importing 20,000 units from an .xlsx (dry run, then the commit in one transaction) against the
 * raw cost of writing the same 20,000 rows with bare multi-row INSERTs in one transaction, in the
 * same run on the same PostgreSQL: the ratios are the figures to watch, not the absolute times.
 */
const UNITS = Number(process.env.DUBAN_BENCH_IMPORT_UNITS ?? 20_000);
const OFFICE = { id: 'bench', name: '基准测试', role: 'office' as const };

const databases = new ScratchDatabases(inject('databaseUrl'));
const dir = mkdtempSync(path.join(tmpdir(), 'duban-bench-import-'));
let dataSource: DataSource;
beforeAll(async () => {
  const url = await databases.create('bench_import');
  await runMigrations(url);
  dataSource = await new DataSource(dubanDataSourceOptions(url, { poolSize: 4 })).initialize();
});
afterAll(async () => {
  await dataSource?.destroy();
  await databases.dropAll();
  rmSync(dir, { recursive: true, force: true });
});

const COLUMNS = [
  'id',
  'version',
  'name',
  'kind',
  'region_id',
  'industry_id',
  'enterprise_kind',
  'status',
  'licensed',
  'credit_code',
  'valid_from',
  'valid_to',
  'change',
  'retired',
  'reason',
  'changed_by_id',
  'changed_by_name',
  'changed_by_role',
  'changed_by_unit',
];

/** The floor: the same rows, INSERT … VALUES (…), (…) in statements of 3,000 rows, one transaction. */
async function bareInsert(rows: ReturnType<typeof enterpriseRows>): Promise<number> {
  const at = new Date();
  const values = rows.map((r) => [
    r.id,
    1,
    r.name,
    'enterprise',
    r.regionId,
    r.industryId,
    'ordinary',
    'producing',
    true,
    null,
    at,
    null,
    'created',
    false,
    'baseline',
    OFFICE.id,
    OFFICE.name,
    OFFICE.role,
    null,
  ]);
  const started = performance.now();
  await dataSource.transaction(async (manager) => {
    for (let start = 0; start < values.length; start += 3000) {
      const chunk = values.slice(start, start + 3000);
      const params = chunk.flat();
      const tuples = chunk.map((_, i) => `(${COLUMNS.map((__, j) => `$${i * COLUMNS.length + j + 1}`).join(', ')})`);
      await manager.query(`INSERT INTO registry_unit (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, params);
    }
  });
  return performance.now() - started;
}

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
};

describe(`importing ${UNITS} units`, () => {
  it('dry-runs and commits them; prints rows/s against bare INSERTs of the same rows', async () => {
    const store = new PgRegistryImportStore(dataSource, { actor: OFFICE, reason: 'benchmark' });
    const tree = await writeImportXlsx(path.join(dir, 'tree.xlsx'), {
      region: [
        { id: '330000', name: '浙江省', level: '省', code: '330000' },
        { id: '330100', name: '杭州市', level: '市', parentId: '330000', code: '330100' },
        { id: '330106', name: '西湖区', level: '县区', parentId: '330100', code: '330106' },
      ],
      industry: [{ id: 'chem', name: '危险化学品' }],
    });
    expect((await runRegistryImport(tree, store, { dryRun: false })).committed).toBe(true);

    const rows = enterpriseRows(UNITS, '330106', 'chem');
    const baselineMs = await bareInsert(rows);
    await dataSource.query(`DELETE FROM registry_unit`);

    const [file, writeFileMs] = await timed<ImportFile>(() => writeImportXlsx(path.join(dir, 'units.xlsx'), { unit: rows }));
    const [dry, dryMs] = await timed(() => runRegistryImport(file, store, { dryRun: true }));
    expect(dry.errors).toEqual([]);
    const [commit, commitMs] = await timed(() => runRegistryImport(file, store, { dryRun: false }));
    expect(commit.counts.unit.created).toBe(UNITS);
    const [again, againMs] = await timed(() => runRegistryImport(file, store, { dryRun: false }));
    expect(again.counts.unit.unchanged).toBe(UNITS);
    expect((await dataSource.query(`SELECT count(*)::int AS n FROM registry_unit`))[0].n).toBe(UNITS);

    const perSecond = (ms: number) => Math.round(UNITS / (ms / 1000));
    const line = (what: string, ms: number) =>
      `  ${what.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${String(perSecond(ms)).padStart(7)} rows/s  ×${(ms / baselineMs).toFixed(1)} the baseline`;
    console.log(
      [
        `registry import of ${UNITS} units (.xlsx written in ${(writeFileMs / 1000).toFixed(2)} s)`,
        line('baseline: bare multi-row INSERT, 1 transaction', baselineMs),
        line('dry run (read + check every row)', dryMs),
        line('commit (check, then write in 1 transaction)', commitMs),
        line('same file again (check, every row unchanged)', againMs),
      ].join('\n'),
    );
    for (const [figure, ms] of [
      ['dry run', dryMs],
      ['commit', commitMs],
      ['same file again', againMs],
    ] as const)
      reportFigure({
        bench: 'registry-import',
        figure: `${UNITS} units, ${figure} vs a bare multi-row INSERT`,
        unit: 'rows/s',
        product: perSecond(ms),
        baseline: perSecond(baselineMs),
        ratio: ms / baselineMs,
      });
  });
});
