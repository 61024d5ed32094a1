import { describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { EnforcementLedgerReader, EvidenceFiles, IdempotencyKeys, RegistryReader } from '@duban/persistence';
import { EnforcementModule } from '../enforcement/enforcement.module';
import { HealthModule } from '../health/health.module';
import { signAccessToken } from '../auth/access-token';
import { auditor, inspector, office, unitA, unitB } from '../testing/actors';
import { InMemoryEnforcement, LAW, NOW, openSampleCase, SECRET } from '../testing/in-memory-enforcement';
import { InMemoryEvidence } from '../testing/in-memory-evidence';
import { InMemoryIdempotencyKeys } from '../testing/in-memory-idempotency-keys';
import { IdempotencyModule } from '../http/idempotency.module';
import { startTestApp } from '../testing/start-test-app';
import { useSpecApp } from '../testing/use-spec-app';
import { EVIDENCE_STORE } from './evidence-store.provider';
import { EvidenceModule } from './evidence.module';

/** Evidence over HTTP with the metadata and the bytes in memory, and an enforcement case's 整改报告 naming files by digest. */
const cases = new InMemoryEnforcement();
let evidence = new InMemoryEvidence();
const spec = useSpecApp(
  () =>
    startTestApp({
      secret: SECRET,
      now: NOW,
      client: cases.client,
      imports: [HealthModule, EnforcementModule, EvidenceModule, IdempotencyModule],
      overrides: [
        [EnforcementLedgerReader, cases.ledger],
        [RegistryReader, cases.registry],
        [IdempotencyKeys, new InMemoryIdempotencyKeys()],
        // Delegates, so that each test's fresh store is the one answering.
        [
          EvidenceFiles,
          {
            record: (i: never) => evidence.files.record(i),
            get: (d: string) => evidence.files.get(d),
            missing: (d: string[]) => evidence.files.missing(d),
          },
        ],
        [
          EVIDENCE_STORE,
          { put: (s: never) => evidence.store.put(s), has: (d: string) => evidence.store.has(d), open: (d: string) => evidence.store.open(d) },
        ],
      ],
    }),
  () => {
    evidence = new InMemoryEvidence();
  },
);

const PDF = new TextEncoder().encode('%PDF-1.7\n整改报告 签字页');

async function upload(as: typeof unitA, bytes: Uint8Array, type: string, idempotencyKey?: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), '整改报告.pdf');
  const res = await fetch(`${spec.api.base}/evidence`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${signAccessToken(as, SECRET)}`,
      ...(idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey }),
    },
    body: form,
  });
  // The answer's fields as the API documents them (EvidenceFileView), or a problem's.
  return { status: res.status, body: (await res.json()) as { digest: string; [member: string]: unknown } };
}

describe('POST /evidence and GET /evidence/:digest', () => {
  it('keeps a PDF by digest and answers it again to whoever may read it', async () => {
    const first = await upload(unitA, PDF, 'application/pdf');
    expect(first).toMatchObject({ status: 201, body: { mediaType: 'application/pdf', size: PDF.length, stored: true, uploaderUnitIds: ['unit-a'] } });
    expect(await upload(unitA, PDF, 'application/octet-stream')).toMatchObject({ status: 200, body: { digest: first.body.digest, stored: false } });

    const read = await spec.call('GET', `/evidence/${first.body.digest}`, office);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('application/pdf');
    expect(read.body).toBe(new TextDecoder().decode(PDF));
    expect((await spec.call('GET', `/evidence/${first.body.digest}`, unitA)).status).toBe(200);
    expect((await spec.call('GET', `/evidence/${first.body.digest}`, unitB)).body).toMatchObject({ status: 403, code: 'permission.own_unit_only' });
  });

  it('refuses a PDF sent as a PNG (415), the auditor’s upload (403), and a digest path that is no digest (400)', async () => {
    expect(await upload(unitA, PDF, 'image/png')).toMatchObject({ status: 415, body: { code: 'evidence.media_type_unsupported', field: 'file' } });
    expect((await upload(auditor, PDF, 'application/pdf')).status).toBe(403);
    expect((await spec.call('GET', '/evidence/sha256:abc', office)).body).toMatchObject({ status: 400, field: 'digest' });
  });
});

describe('an enforcement case’s 整改报告 names its files by digest', () => {
  const fileRectification = async (attachments: string[]) => {
    const id = await openSampleCase(spec.api, office);
    await spec.call('POST', `/enforcement-cases/${id}/suspension`, office, { respondentId: 'r-company', reason: '责令停产整顿', legalBasis: LAW });
    return spec.call('POST', `/enforcement-cases/${id}/rectification`, unitA, { summary: '通风系统改造完成', attachments });
  };

  it('takes uploaded digests and free text alike', async () => {
    const { body: file } = await upload(inspector, PDF, 'application/pdf');
    const filed = await fileRectification(['整改前后照片见附件', file.digest]);
    expect(filed.status).toBe(200);
    expect(filed.body.state.suspension.rectifications.at(-1).attachments).toEqual(['整改前后照片见附件', file.digest]);
  });

  it('refuses a digest never uploaded, and a damaged one, naming attachments[i], before the workflow is asked', async () => {
    const before = cases.updates.length;
    expect(await fileRectification(['照片', `sha256:${'e'.repeat(64)}`])).toMatchObject({
      status: 422,
      body: { code: 'evidence.unknown', field: 'attachments[1]' },
    });
    expect(await fileRectification([`sha256:${'E'.repeat(64)}`])).toMatchObject({
      status: 422,
      body: { code: 'evidence.unknown', field: 'attachments[0]' },
    });
    // Only the two suspensions reached the workflow.
    expect(cases.updates.length - before).toBe(2);
  });

  it('takes an Idempotency-Key with the file in its fingerprint: the same file again is a retry, another file under the key a 422 that stores nothing', async () => {
    const key = randomUUID();
    const first = await upload(unitA, PDF, 'application/pdf', key);
    expect(first.status).toBe(201);
    expect((await upload(unitA, PDF, 'application/pdf', key)).body).toMatchObject({ digest: first.body.digest });

    const other = new TextEncoder().encode('%PDF-1.7\n另一份整改报告');
    const reused = await upload(unitA, other, 'application/pdf', key);
    expect(reused).toMatchObject({ status: 422, body: { code: 'idempotency.key_reused', field: 'Idempotency-Key' } });
    expect(await evidence.store.has(`sha256:${createHash('sha256').update(other).digest('hex')}`)).toBe(false);
  });
});
