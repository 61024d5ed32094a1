import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazardWorkflowId, type Actor } from '@duban/domain';
import { loadAuditReplayBundle, replayCapturingProjections, verifyBundleZip, type VerifyOptions } from '@duban/audit';
import { signAccessToken } from '../../apps/api/src/auth/access-token';
import type { CliIo } from '../../apps/cli/src/cli-io';
import { runDuban } from '../../apps/cli/src/duban-program';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { auditor, DAY_MS, fiveInPlacePlan, inspector } from '../support/hazard-fixtures';

/**
 * 审计导出 over HTTP on the whole product (real Temporal dev server and worker, real PostgreSQL):
 * a hazard reported, planned and claimed complete with a photo through the API, its bundle
 * downloaded as a .zip signed with the office's key, then checked offline as an auditor would —
 * libs/audit's verify and `duban verify x.zip` — intact and with one byte changed.
 */
const SECRET = 'e2e-audit-bundle-secret';
const run = randomUUID().slice(0, 8);
const unitA: Actor = { id: `bundle-a-${run}`, name: 'A建设公司 王经理', role: 'unit', unitId: `unit-bundle-a-${run}` };
const office = generateKeyPairSync('ed25519');
const officePublic = office.publicKey.export({ type: 'spki', format: 'pem' }).toString();
// A PNG signature and bytes unique to this run: the evidence file the completion claim references.
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`整改后照片 ${run}`)]);
const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const scratch = mkdtempSync(path.join(tmpdir(), 'duban-bundle-download-'));
const verifying: VerifyOptions = {
  trustedPublicKey: officePublic,
  replay: async (runs) => replayCapturingProjections(await loadAuditReplayBundle(), runs),
};
let api: ApiHarness;
let hazardId: string;
// The API's (and verify's) temporary folders go here, so the test sees the export's folder removed.
const tmp = path.join(scratch, 'tmp');
const tmpBefore = process.env.TMPDIR;

beforeAll(async () => {
  mkdirSync(tmp);
  process.env.TMPDIR = tmp;
  const auditSigningKeyPem = office.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  api = await startApiHarness(SECRET, { dataDir: path.join(scratch, 'data'), auditSigningKeyPem });
  const form = new FormData();
  form.append('file', new Blob([PNG], { type: 'image/png' }), '整改后.png');
  const uploaded = await fetch(`${api.baseUrl}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${signAccessToken(unitA, SECRET)}` },
    body: form,
  });
  expect(uploaded.status).toBe(201);
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
  hazardId = reported.body.hazardId;
  expect((await api.call(unitA, 'POST', `/hazards/${hazardId}/plan`, fiveInPlacePlan(Date.now() + 20 * DAY_MS))).status).toBe(200);
  const claimed = await api.call(unitA, 'POST', `/hazards/${hazardId}/completion`, {
    summary: '已接地并测试',
    attachments: [`sha256:${sha256Hex(PNG)}`],
  });
  expect(claimed.status).toBe(200);
});
afterAll(async () => {
  await api?.close();
  if (tmpBefore === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = tmpBefore;
  rmSync(scratch, { recursive: true, force: true });
});

/** GET the bundle as `actor`, the body kept as bytes. */
async function download(actor: Actor, urlPath: string) {
  const response = await fetch(`${api.baseUrl}${urlPath}`, { headers: { authorization: `Bearer ${signAccessToken(actor, SECRET)}` } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Runs `duban <args>` in-process, as a shell would; `verify` is offline and needs no connection settings. */
async function duban(...args: string[]): Promise<{ code: number; out: string }> {
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  const out: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  const io: CliIo = { stdout, stderr, env: {}, exitCode: 0 };
  const code = await runDuban(io, args);
  return { code, out: Buffer.concat(out).toString('utf8') };
}

/**
 * Flips one byte in the middle of `name`'s compressed data, found through the zip's central
 * directory (archiver streams, so the local headers carry no sizes).
 */
function flipByteOfEntry(zip: Buffer, name: string): Buffer {
  const copy = Buffer.from(zip);
  const end = copy.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = copy.readUInt16LE(end + 10);
  let at = copy.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    const compressed = copy.readUInt32LE(at + 20);
    const [nameLength, extraLength, commentLength] = [copy.readUInt16LE(at + 28), copy.readUInt16LE(at + 30), copy.readUInt16LE(at + 32)];
    const local = copy.readUInt32LE(at + 42);
    if (copy.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const data = local + 30 + copy.readUInt16LE(local + 26) + copy.readUInt16LE(local + 28);
      copy[data + Math.floor(compressed / 2)] ^= 0x01;
      return copy;
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`no ${name} in the zip`);
}

describe('GET /audit/bundles/:kind/:id (real Temporal, worker and PostgreSQL)', () => {
  it('gives the auditor the hazard’s bundle as a signed .zip that verifies offline, its root digest in the header', async () => {
    const got = await download(auditor, `/audit/bundles/hazard/${hazardId}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/zip');
    expect(got.headers.get('content-disposition')).toBe(
      `attachment; filename="audit-bundle-hazard-${hazardId}.zip"; filename*=UTF-8''${encodeURIComponent(`审计导出包-隐患-${hazardId}.zip`)}`,
    );
    expect(got.headers.get('duban-bundle-signed')).toBe('true');
    // Streamed from a temporary folder, removed once the last byte is sent.
    await expect.poll(() => readdirSync(tmp).filter((name) => name.startsWith('duban-audit-bundle-'))).toEqual([]);
    const rootDigest = got.headers.get('duban-bundle-root-digest');

    // The bundle's files at the zip's root: the header is the manifest's root digest, and the photo travels with it.
    const zip = await JSZip.loadAsync(got.bytes);
    const workflowId = hazardWorkflowId(hazardId);
    expect(Object.keys(zip.files)).toEqual(
      expect.arrayContaining(['manifest.json', 'manifest.sha256', 'signature.json', 'timeline.html', `ledger/${workflowId}.events.json`]),
    );
    expect(rootDigest).toBe(sha256Hex(await zip.file('manifest.json')!.async('uint8array')));
    expect((await zip.file('manifest.sha256')!.async('string')).trim()).toBe(rootDigest);
    expect(Buffer.from(await zip.file(`evidence/${sha256Hex(PNG)}`)!.async('uint8array')).equals(PNG)).toBe(true);
    const ledger = JSON.parse(await zip.file(`ledger/${workflowId}.events.json`)!.async('string'));
    expect(ledger.map((e: { type: string }) => e.type)).toEqual(['reported', 'plan_submitted', 'completion_claimed']);

    const file = path.join(scratch, 'intact.zip');
    await writeFile(file, got.bytes);
    const verified = await verifyBundleZip(file, verifying);
    expect(verified).toMatchObject({ ok: true, signed: true, problems: [], histories: 1, eventsChecked: 3, rootDigest });

    const cli = await duban('verify', file, '--trusted-key', await writePublicKey());
    expect(cli.code).toBe(0);
    expect(cli.out).toContain(`✓ verified: root digest ${rootDigest}, signed, 1 histories replayed, 3 ledger events checked, 0 problems`);
  });

  it('fails verification naming the file when one byte of the zip changes, in libs/audit and in `duban verify`', async () => {
    const got = await download(auditor, `/audit/bundles/hazard/${hazardId}`);
    const ledgerFile = `ledger/${hazardWorkflowId(hazardId)}.events.json`;
    const file = path.join(scratch, 'tampered.zip');
    await writeFile(file, flipByteOfEntry(got.bytes, ledgerFile));

    const verified = await verifyBundleZip(file, verifying);
    expect(verified.ok).toBe(false);
    expect(verified.problems.map((p) => p.file)).toContain(ledgerFile);

    const cli = await duban('verify', file);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(`✗ ${ledgerFile}: `);
    expect(cli.out).toContain('✗ NOT verified');
  });

  it('refuses a unit account (403), answers 404 for an unknown hazard, 400 naming `kind` or `id` for a bad one', async () => {
    const refused = await api.call(unitA, 'GET', `/audit/bundles/hazard/${hazardId}`);
    expect(refused).toMatchObject({ status: 403, body: { code: 'permission.role_not_allowed' } });
    const unknown = await api.call(auditor, 'GET', `/audit/bundles/hazard/${randomUUID()}`);
    expect(unknown).toMatchObject({ status: 404, body: { code: 'resource.not_found' } });
    const badKind = await api.call(auditor, 'GET', `/audit/bundles/hazards/${hazardId}`);
    expect(badKind).toMatchObject({ status: 400, body: { code: 'request.invalid', field: 'kind' } });
    const badId = await api.call(auditor, 'GET', `/audit/bundles/hazard/${encodeURIComponent('no such/id')}`);
    expect(badId).toMatchObject({ status: 400, body: { code: 'request.invalid', field: 'id' } });
  });

  it('is declared in the OpenAPI document: application/zip with its headers, the subject kinds, 400, 403 and 404', async () => {
    const doc = (await api.call(auditor, 'GET', '/docs-json')).body;
    const operation = doc.paths['/audit/bundles/{kind}/{id}'].get;
    expect(Object.keys(operation.responses['200'].content)).toEqual(['application/zip']);
    expect(Object.keys(operation.responses['200'].headers).sort()).toEqual([
      'Content-Disposition',
      'Duban-Bundle-Root-Digest',
      'Duban-Bundle-Signed',
    ]);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['400', '403', '404']));
    const kind = operation.parameters.find((p: { name: string }) => p.name === 'kind');
    expect(kind.schema.enum).toEqual(['hazard', 'campaign', 'unit', 'accident', 'enforcement']);
  });
});

async function writePublicKey(): Promise<string> {
  const file = path.join(scratch, 'office.pub.pem');
  await writeFile(file, officePublic);
  return file;
}
