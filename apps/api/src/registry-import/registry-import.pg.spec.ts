import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TypeOrmModule } from '@nestjs/typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { dubanDataSourceOptions } from '@duban/persistence';
import { writeImportTemplate } from '@duban/registry-import';
import { useLedgerDatabase } from '../../../../libs/persistence/src/testing/ledger-database';
import { signAccessToken } from '../auth/access-token';
import { inspector, office, unitA } from '../testing/actors';
import { startTestApp, type TestApp } from '../testing/start-test-app';
import { REGISTRY_IMPORT_MAX_BYTES } from './registry-import-upload';
import { IdempotencyModule } from '../http/idempotency.module';
import { RegistryImportModule } from './registry-import.module';

const SECRET = 'registry-import-spec-secret';
const dir = mkdtempSync(path.join(tmpdir(), 'duban-api-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('POST /registry/imports', () => {
  const db = useLedgerDatabase('api_registry_import');
  let api: TestApp;
  let template: Buffer;
  beforeAll(async () => {
    api = await startTestApp({
      secret: SECRET,
      now: new Date(),
      client: {},
      imports: [TypeOrmModule.forRoot({ ...dubanDataSourceOptions(db.url), retryAttempts: 0 }), RegistryImportModule, IdempotencyModule],
    });
    await writeImportTemplate(path.join(dir, 'template.xlsx'));
    template = readFileSync(path.join(dir, 'template.xlsx'));
  });
  afterAll(() => api?.close());

  /** Uploads `content` as the multipart field `file`, named `name`. */
  async function upload(actor: Actor, query: string, content?: Buffer | string, name = '单位库.xlsx') {
    const form = new FormData();
    if (content !== undefined) form.append('file', new Blob([content]), name);
    const res = await fetch(`${api.base}/registry/imports${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${signAccessToken(actor, SECRET)}` },
      body: form,
    });
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as any };
  }
  const units = () => db.count('registry_unit');

  it('dry-runs a file for the office or an inspector (200, nothing written), and commits it for the office only (201)', async () => {
    const dry = await upload(inspector, '?dryRun=true', template);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ file: '单位库.xlsx', format: 'xlsx', dryRun: true, committed: false, errors: [], warnings: [] });
    expect(dry.body.counts.unit).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0 });
    expect(await units()).toBe(0);

    const refused = await upload(inspector, '', template);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('permission.role_not_allowed');
    expect((await upload(unitA, '?dryRun=true', template)).status).toBe(403);
    expect(await units()).toBe(0);

    const commit = await upload(office, '?dryRun=false&reason=首次建库', template);
    expect(commit.status).toBe(201);
    expect(commit.body.committed).toBe(true);
    expect(commit.body.counts.person).toEqual({ rows: 2, created: 2, updated: 0, unchanged: 0 });
    expect(await units()).toBe(3);
    const [row] = await db.dataSource.query(`SELECT DISTINCT reason, changed_by_id FROM registry_person`);
    expect(row).toEqual({ reason: '首次建库', changed_by_id: office.id });

    const again = await upload(office, '', template);
    expect(again.status).toBe(201);
    expect(again.body.counts.unit).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 3 });
    expect(await units()).toBe(3);
  });

  it('answers 200 with every faulty row when a commit is refused, writing nothing', async () => {
    const csv = '单位编号,单位名称,单位类别,属地编号\nG1,甲区政府,政府,330102\nG2,乙区政府,政府府,330102\nG3,丙区政府,政府,R404\n';
    const before = await units();
    const res = await upload(office, '?kind=unit', csv, 'units.csv');
    expect(res.status).toBe(200);
    expect(res.body.committed).toBe(false);
    expect(res.body.errors.map((e: any) => [e.sheet, e.row, e.column, e.cell, e.code])).toEqual([
      ['units.csv', 3, '单位类别', 'C3', 'input.not_one_of'],
      ['units.csv', 4, '属地编号', 'D4', 'registry.reference.unknown'],
    ]);
    expect(res.body.errors[0].reason.zh).toContain('取值不在允许范围内');
    expect(await units()).toBe(before);
  });

  it("refuses a county office's rows outside its county, row by row, in a dry run too", async () => {
    const county: Actor = { ...office, id: 'o-330102', regionId: '330102' };
    const dry = await upload(county, '?dryRun=true', template);
    expect(dry.status).toBe(200);
    // The province, the city and the county's own record (kept by the city), and the national industries; not its town, units or people.
    expect(dry.body.errors.map((e: any) => [e.sheet, e.row, e.code])).toEqual([
      [expect.any(String), 2, 'permission.outside_territory'],
      [expect.any(String), 3, 'permission.outside_territory'],
      [expect.any(String), 4, 'permission.outside_territory'],
      [expect.any(String), 2, 'permission.outside_territory'],
      [expect.any(String), 3, 'permission.outside_territory'],
    ]);
    expect(dry.body.counts.unit.rows).toBe(3);
    const before = await units();
    expect((await upload(county, '?reason=县级导入', template)).body.committed).toBe(false);
    expect(await units()).toBe(before);
  });

  it('refuses a request without a file (400) and a file over the limit (413), as problems', async () => {
    const none = await upload(office, '?dryRun=true');
    expect(none).toMatchObject({ status: 400, type: expect.stringContaining('application/problem+json') });
    expect(none.body).toMatchObject({ code: 'input.required', field: 'file' });
    const big = await upload(office, '?dryRun=true', Buffer.alloc(REGISTRY_IMPORT_MAX_BYTES + 1, 'a'), 'big.csv');
    expect(big).toMatchObject({ status: 413, type: expect.stringContaining('application/problem+json') });
    expect(big.body.code).toBe('request.too_large');
    const bad = await upload(office, '?dryRun=maybe', template);
    expect(bad.status).toBe(400);
  });
});
