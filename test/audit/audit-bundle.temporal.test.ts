import { randomUUID, generateKeyPairSync } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_HAZARD_POLICY } from '@duban/domain';
import { awaitRegisteredUpdate, claimCompletionUpdate, hazardWorkflowId, submitPlanUpdate, verifyUpdate } from '@duban/workflows';
import { exportBundle, verifyBundle } from '@duban/audit';
import { hazardWorkflow } from '../../workflows/src/hazard/hazard.workflow';
import { sha256Hex, manifestBytes, type BundleManifest } from '../../libs/audit/src/bundle/bundle-manifest';
import { signRootDigest } from '../../libs/audit/src/bundle/bundle-signature';
import { DAY_MS, fiveInPlacePlan, hazardReport, inspector, unitA } from '../support/hazard-fixtures';
import { connectDevServer, type DevServerHarness } from '../support/dev-server';
import type { Worker } from '@temporalio/worker';
import { auditLedgers, auditReplay as replay } from './audit-ledgers';

// On the dev server (a real worker, the real PostgreSQL ledger): a hazard from report to 销号 exported as a bundle, then checked offline: the bundle as written
// verifies; one byte changed anywhere fails naming the file; a forged ledger re-signed by
// another key fails the trusted key, and without it fails the comparison with the histories.
let harness: DevServerHarness;
let worker: Worker;
let running: Promise<void>;
const taskQueue = `audit-bundle-${randomUUID()}`;
const office = generateKeyPairSync('ed25519');
const officeKey = office.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const officePublic = office.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const scratch: string[] = [];
let bundle: string;
let hazardId: string;

let photo: string;
async function copyOf(dir: string): Promise<string> {
  const copy = await mkdtemp(path.join(tmpdir(), 'duban-bundle-copy-'));
  scratch.push(copy);
  await cp(dir, copy, { recursive: true });
  return copy;
}
async function flipByte(file: string): Promise<void> {
  const bytes = await readFile(file);
  bytes[Math.floor(bytes.length / 2)] ^= 0x01;
  await writeFile(file, bytes);
}

beforeAll(async () => {
  harness = await connectDevServer();
  worker = await harness.newWorker(taskQueue);
  running = worker.run();
  const now = Date.now();
  const ledgers = await auditLedgers(harness.dataSource);
  // 整改后照片: an evidence file the completion claim references by digest, carried into the bundle.
  photo = (await ledgers.evidence.put(Buffer.from(`连墙件补设后照片 ${randomUUID()}`))).digest;
  hazardId = randomUUID();
  const handle = await harness.client.workflow.start(hazardWorkflow, {
    taskQueue,
    workflowId: hazardWorkflowId(hazardId),
    args: [{ hazardId, report: hazardReport(now, { unitId: unitA.unitId! }), reporter: inspector, policy: STANDARD_HAZARD_POLICY }],
  });
  await handle.executeUpdate(awaitRegisteredUpdate);
  await handle.executeUpdate(submitPlanUpdate, { args: [{ actor: unitA, plan: fiveInPlacePlan(now + 20 * DAY_MS) }] });
  await handle.executeUpdate(claimCompletionUpdate, { args: [{ actor: unitA, summary: '连墙件已补设', attachments: [photo] }] });
  const done = await handle.executeUpdate(verifyUpdate, {
    args: [{ actor: inspector, decision: 'accept', comment: '验收合格', effectEvaluation: '有效' }],
  });
  expect(done.state.status).toBe('signed_off');
  await handle.result();
  bundle = await mkdtemp(path.join(tmpdir(), 'duban-bundle-'));
  scratch.push(bundle);
  const exported = await exportBundle(
    { client: harness.client, ledgers },
    { kind: 'hazard', id: hazardId },
    { dir: bundle, exportedBy: '纪委监委 陈', signingKeyPem: officeKey },
  );
  expect(exported.missingEvidence).toEqual([]);
  expect(exported.rootDigest).toBe(sha256Hex(await readFile(path.join(bundle, 'manifest.json'))));
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await harness?.close();
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

describe('an auditor’s bundle (审计导出包), verified offline', () => {
  it('verifies as written: digests, the office’s signature, the replay, and the ledger equal to what the histories projected', async () => {
    const verified = await verifyBundle(bundle, { replay, trustedPublicKey: officePublic });
    expect(verified).toMatchObject({ ok: true, signed: true, problems: [], histories: 1 });
    const ledger = JSON.parse(await readFile(path.join(bundle, `ledger/${hazardWorkflowId(hazardId)}.events.json`), 'utf8'));
    expect(verified.eventsChecked).toBe(ledger.length);
    expect(ledger.map((e: { type: string }) => e.type)).toEqual(['reported', 'plan_submitted', 'completion_claimed', 'signed_off']);
    expect(await readFile(path.join(bundle, 'evidence', photo.slice('sha256:'.length)), 'utf8')).toMatch(/^连墙件补设后照片/);
    const timeline = await readFile(path.join(bundle, 'timeline.html'), 'utf8');
    expect(timeline).toContain('检查组 张工');
    expect(timeline).not.toMatch(/<script|https?:\/\//);
  });

  it('fails naming the file when one byte changes anywhere', async () => {
    const manifest = JSON.parse(await readFile(path.join(bundle, 'manifest.json'), 'utf8')) as BundleManifest;
    for (const file of [...manifest.files.map((f) => f.path), 'manifest.json', 'signature.json']) {
      const copy = await copyOf(bundle);
      await flipByte(path.join(copy, ...file.split('/')));
      const verified = await verifyBundle(copy, { trustedPublicKey: officePublic });
      expect(verified.ok, file).toBe(false);
      expect(
        verified.problems.map((p) => p.file),
        file,
      ).toContain(file);
    }
  });

  it('catches a forged ledger re-signed by another key, and by the histories without the trusted key', async () => {
    const copy = await copyOf(bundle);
    const ledgerFile = `ledger/${hazardWorkflowId(hazardId)}.events.json`;
    const ledger = JSON.parse(await readFile(path.join(copy, ledgerFile), 'utf8'));
    ledger[ledger.length - 1].actor.name = '他人 (someone else)';
    const forged = Buffer.from(`${JSON.stringify(ledger, null, 2)}\n`);
    await writeFile(path.join(copy, ledgerFile), forged);
    const manifest = JSON.parse(await readFile(path.join(copy, 'manifest.json'), 'utf8')) as BundleManifest;
    const entry = manifest.files.find((f) => f.path === ledgerFile)!;
    Object.assign(entry, { sha256: sha256Hex(forged), size: forged.byteLength });
    const bytes = manifestBytes(manifest);
    await writeFile(path.join(copy, 'manifest.json'), bytes);
    await writeFile(path.join(copy, 'manifest.sha256'), `${sha256Hex(bytes)}\n`);
    const forger = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await writeFile(path.join(copy, 'signature.json'), JSON.stringify(signRootDigest(sha256Hex(bytes), forger)));

    const trusted = await verifyBundle(copy, { trustedPublicKey: officePublic });
    expect(trusted.problems).toContainEqual({ file: 'signature.json', problem: 'signed with a key other than the trusted one' });
    const untrusted = await verifyBundle(copy, { replay });
    expect(untrusted.problems).toEqual([{ file: ledgerFile, problem: expect.stringContaining(`event seq ${ledger.length}`) }]);
  });
});
