import { describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { useLedgerDatabase } from '../testing/ledger-database';
import { EvidenceFiles } from './evidence-files';

const db = useLedgerDatabase('evidence_files');

const inspector: Actor = { id: 'i-1', name: '检查组 王工', role: 'inspector' };
const unitA: Actor = { id: 'u-a', name: '甲公司 安全员', role: 'unit', unitId: 'unit-a' };
const digest = `sha256:${'ab'.repeat(32)}`;
const upload = { digest, size: 1234, mediaType: 'image/png', originalName: '整改前.png' };

describe('evidence file metadata in PostgreSQL', () => {
  it('keeps the first uploader when the same file is uploaded again, and records the second uploader once', async () => {
    const files = new EvidenceFiles(db.dataSource);
    const first = await files.record({ ...upload, uploadedBy: inspector, at: new Date('2026-03-02T08:00:00Z') });
    expect(first.first).toBe(true);
    const again = await files.record({ ...upload, originalName: 'IMG_0001.png', uploadedBy: unitA, at: new Date('2026-03-03T08:00:00Z') });
    expect(again.first).toBe(false);
    await files.record({ ...upload, uploadedBy: unitA, at: new Date('2026-03-04T08:00:00Z') });

    expect(again.file).toEqual({
      digest,
      size: 1234,
      mediaType: 'image/png',
      originalName: '整改前.png',
      firstUploadedBy: { id: 'i-1', name: '检查组 王工', role: 'inspector' },
      firstUploadedAt: '2026-03-02T08:00:00.000Z',
      uploaderUnitIds: ['unit-a'],
    });
    expect(await db.count('evidence_file')).toBe(1);
    expect(await db.count('evidence_upload WHERE digest = $1', [digest])).toBe(2);
  });

  it('names the digests no file is recorded under', async () => {
    const files = new EvidenceFiles(db.dataSource);
    const unknown = `sha256:${'cd'.repeat(32)}`;
    expect(await files.missing([unknown, digest, unknown])).toEqual([unknown, unknown]);
    expect(await files.missing([])).toEqual([]);
    expect(await files.get(unknown)).toBeUndefined();
  });
});
