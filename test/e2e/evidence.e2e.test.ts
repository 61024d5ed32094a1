import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { signAccessToken } from '../../apps/api/src/auth/access-token';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { auditor, DAY_MS, fiveInPlacePlan, inspector } from '../support/hazard-fixtures';

/**
 * Evidence files (证据材料) through the whole product: uploaded over HTTP, kept by content under
 * the API's data directory, metadata in PostgreSQL, referenced by digest in a hazard's events
 * (real Temporal dev server and worker).
 */
const SECRET = 'e2e-evidence-secret';
const run = randomUUID().slice(0, 8);
const unitA: Actor = { id: `ev-a-${run}`, name: 'A建设公司 王经理', role: 'unit', unitId: `unit-ev-a-${run}` };
const unitB: Actor = { id: `ev-b-${run}`, name: 'B化工公司 赵经理', role: 'unit', unitId: `unit-ev-b-${run}` };

// A PNG signature and a few bytes unique to this run, so the first upload here stores it.
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`整改后照片 ${run}`)]);
const sha256 = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

const dataDir = mkdtempSync(join(tmpdir(), 'duban-evidence-e2e-'));
let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness(SECRET, { dataDir });
});
afterAll(async () => {
  await api?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** POST /evidence with `bytes` as the multipart field `file`. */
async function upload(actor: Actor, bytes: Uint8Array, name: string, type: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  const res = await fetch(`${api.baseUrl}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${signAccessToken(actor, SECRET)}` },
    body: form,
  });
  // The answer's fields as the API documents them (EvidenceFileView), or a problem's.
  return { status: res.status, body: (await res.json()) as { digest: string; [member: string]: unknown } };
}

const storedFiles = () => readdirSync(join(dataDir, 'evidence', 'sha256'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;

describe('evidence files through the HTTP API', () => {
  it('keeps a PNG by its digest, once, however often it is uploaded, and records the first uploader', async () => {
    const first = await upload(unitA, PNG, '整改后.png', 'image/png');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ digest: sha256(PNG), size: PNG.length, mediaType: 'image/png', originalName: '整改后.png', stored: true });
    expect(first.body.firstUploadedBy).toMatchObject({ id: unitA.id, unitId: unitA.unitId });

    const again = await upload(inspector, PNG, 'IMG_0001.png', 'application/octet-stream');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ digest: sha256(PNG), stored: false, originalName: '整改后.png', firstUploadedBy: { id: unitA.id } });
    expect(storedFiles()).toBe(1);
    expect((await api.dev.dataSource.query('SELECT count(*)::int AS n FROM evidence_upload WHERE digest = $1', [sha256(PNG)]))[0].n).toBe(2);
  });

  it('refuses a file over 20 MiB (413), an .exe renamed .png (415), and a request without a file (400 naming file)', async () => {
    const big = Buffer.alloc(21 * 1024 * 1024);
    PNG.copy(big);
    expect(await upload(unitA, big, 'big.png', 'image/png')).toMatchObject({ status: 413, body: { code: 'request.too_large' } });

    const exe = Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1');
    expect(await upload(unitA, exe, '整改照片.png', 'image/png')).toMatchObject({
      status: 415,
      body: { code: 'evidence.media_type_unsupported', field: 'file' },
    });
    expect(await api.call(unitA, 'POST', '/evidence')).toMatchObject({ status: 400, body: { code: 'input.required', field: 'file' } });
    expect(storedFiles()).toBe(1);
  });

  it('takes a claim of completion that names the digest, and the hazard’s events carry it; an unknown digest is a 422 naming attachments[0]', async () => {
    const { body: file } = await upload(unitA, PNG, '整改后.png', 'image/png');
    const reported = await api.call(inspector, 'POST', '/hazards', {
      title: '配电箱未接地',
      description: '2号楼临时配电箱未做重复接地',
      location: '城南安置房项目2号楼',
      industry: '建筑施工',
      unitId: unitA.unitId,
      grade: 'general',
      source: 'inspection',
      finder: '张工',
      deadline: new Date(Date.now() + 30 * DAY_MS).toISOString(),
    });
    expect(reported.status).toBe(201);
    const hazardId = reported.body.hazardId;
    expect((await api.call(unitA, 'POST', `/hazards/${hazardId}/plan`, fiveInPlacePlan(Date.now() + 20 * DAY_MS))).status).toBe(200);

    const unknown = `sha256:${'0'.repeat(64)}`;
    const refused = await api.call(unitA, 'POST', `/hazards/${hazardId}/completion`, { summary: '已接地', attachments: [unknown, file.digest] });
    expect(refused).toMatchObject({ status: 422, body: { code: 'evidence.unknown', field: 'attachments[0]' } });

    const claimed = await api.call(unitA, 'POST', `/hazards/${hazardId}/completion`, {
      summary: '已接地并测试',
      attachments: [file.digest, '现场照片见纸质台账'],
    });
    expect(claimed.status).toBe(200);
    const events = (await api.call(auditor, 'GET', `/hazards/${hazardId}/events`)).body.items;
    expect(events.map((e: any) => e.type)).toEqual(['reported', 'plan_submitted', 'completion_claimed']);
    expect(events[2].data.attachments).toEqual([file.digest, '现场照片见纸质台账']);
  });

  it('answers the same bytes on download, with the recorded type; a unit reads only what it uploaded', async () => {
    const res = await fetch(`${api.baseUrl}/evidence/${sha256(PNG)}`, { headers: { authorization: `Bearer ${signAccessToken(auditor, SECRET)}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes).equals(PNG)).toBe(true);
    expect(sha256(bytes)).toBe(sha256(PNG));

    expect((await api.call(unitB, 'GET', `/evidence/${sha256(PNG)}`)).body).toMatchObject({ status: 403, code: 'permission.own_unit_only' });
    expect((await api.call(auditor, 'GET', `/evidence/sha256:${'1'.repeat(64)}`)).body).toMatchObject({ status: 404, code: 'resource.not_found' });
    expect((await api.call(auditor, 'POST', '/evidence')).status).toBe(403);
  });
});
