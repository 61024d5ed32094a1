import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { useLedgerDatabase } from '../../../libs/persistence/src/testing/ledger-database';
import type { CliIo } from './cli-io';
import { runDuban } from './duban-program';

const dir = mkdtempSync(path.join(tmpdir(), 'duban-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `duban <args>` in-process against the spec's database; answers its exit code and what it printed. */
async function duban(databaseUrl: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  stdout.on('data', (c: Buffer) => chunks.out.push(c));
  stderr.on('data', (c: Buffer) => chunks.err.push(c));
  const io: CliIo = { stdout, stderr, env: { DATABASE_URL: databaseUrl }, exitCode: 0 };
  const code = await runDuban(io, args);
  return { code, out: Buffer.concat(chunks.out).toString('utf8'), err: Buffer.concat(chunks.err).toString('utf8') };
}

describe('duban registry (the CLI, on PostgreSQL)', () => {
  const db = useLedgerDatabase('duban_cli');
  const units = () => db.count('registry_unit');

  it('writes the template, dry-runs it, imports it as the --actor, and the second import changes nothing', async () => {
    const template = path.join(dir, 'template.xlsx');
    expect((await duban(db.url, 'registry', 'template', template)).code).toBe(0);
    expect(existsSync(template)).toBe(true);

    const dry = await duban(db.url, 'registry', 'import', template, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('dry run: nothing was written');
    expect(dry.out).toMatch(/单位 units\s+3\s+3\s+0\s+0/);
    expect(await units()).toBe(0);

    const run = await duban(db.url, 'registry', 'import', template, '--actor', '王科长');
    expect(run.code).toBe(0);
    expect(run.out).toContain('all rows written in one transaction');
    expect(await units()).toBe(3);
    const [by] = await db.dataSource.query(`SELECT DISTINCT changed_by_name, changed_by_role, reason FROM registry_unit`);
    expect(by).toEqual({ changed_by_name: '王科长', changed_by_role: 'office', reason: '导入 import of template.xlsx' });

    const again = await duban(db.url, 'registry', 'import', template);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/单位 units\s+3\s+0\s+0\s+3/);
    expect(await units()).toBe(3);
  });

  it('prints every faulty row as a table and exits 1, writing nothing', async () => {
    const csv = path.join(dir, 'units.csv');
    writeFileSync(
      csv,
      '\uFEFF单位编号,单位名称,单位类别,属地编号,行业编号,生产状态,是否有证\n' +
        'C1,甲公司,企业,330102001,whp,生产,是\n' +
        'C2,乙公司,工厂,330102001,whp,生产,是\n' +
        'C3,丙公司,企业,nowhere,whp,生产,是\n',
    );
    const before = await units();
    const result = await duban(db.url, 'registry', 'import', csv);
    expect(result.code).toBe(1);
    expect(result.out).toContain('错误 errors (2)');
    expect(result.out).toMatch(/units\.csv\s+3\s+单位类别\s+C3\s+取值不在允许范围内/);
    expect(result.out).toMatch(/units\.csv\s+4\s+属地编号\s+D4\s+引用的记录不在单位库中/);
    expect(result.out).toContain('nothing was written');
    expect(await units()).toBe(before);
  });

  it('says which variable is missing, and refuses an unknown --kind, with exit code 2', async () => {
    const missing = await duban('', 'registry', 'import', 'x.csv');
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining('DATABASE_URL is not set') });
    const kind = await duban(db.url, 'registry', 'import', 'x.csv', '--kind', 'cats');
    expect(kind).toMatchObject({ code: 2, err: expect.stringContaining('--kind cats') });
  });
});
