import { describe, expect, it } from 'vitest';
import { authorizeEvidenceRead } from './evidence-permissions';
import { evidenceDigestOf, evidenceRefsIn, isEvidenceDigest, parseEvidenceRef } from './evidence-digest';

const HEX = 'a'.repeat(64);

describe('evidence references: a digest or free text', () => {
  it('reads sha256:<64 lowercase hex> as a digest', () => {
    expect(parseEvidenceRef(`sha256:${HEX}`)).toEqual({ kind: 'digest', digest: `sha256:${HEX}` });
    expect(evidenceDigestOf('AB'.repeat(32))).toBe(`sha256:${'ab'.repeat(32)}`);
    expect(isEvidenceDigest(evidenceDigestOf('0f'.repeat(32)))).toBe(true);
  });

  it('keeps what older clients send as free text', () => {
    for (const text of ['https://files.example.cn/a.jpg', '整改后照片3张', 'IMG_0001.JPG', 'sha1 a94a8fe5'])
      expect(parseEvidenceRef(text)).toEqual({ kind: 'text', text });
  });

  it('refuses to take a damaged digest for text: short, uppercase, or with more after it', () => {
    for (const text of [`sha256:${HEX.slice(1)}`, `sha256:${HEX.toUpperCase()}`, `sha256:${HEX}0`, `SHA256:${HEX}`, ' sha256:x'])
      expect(parseEvidenceRef(text).kind).toBe('malformed_digest');
  });

  it('lists the digest references of an attachments list with their places', () => {
    const refs = evidenceRefsIn(['照片', `sha256:${HEX}`, 'sha256:nope']);
    expect(refs).toEqual([
      { index: 1, ref: { kind: 'digest', digest: `sha256:${HEX}` } },
      { index: 2, ref: { kind: 'malformed_digest', text: 'sha256:nope' } },
    ]);
    expect(evidenceRefsIn(undefined)).toEqual([]);
  });
});

describe('who may read an evidence file', () => {
  const unit = { id: 'u', name: '甲公司 安全员', role: 'unit', unitId: 'unit-a' } as const;
  it('lets the office, inspectors and auditors read any file', () => {
    for (const role of ['office', 'inspector', 'auditor'] as const)
      expect(() => authorizeEvidenceRead({ id: role, name: role, role }, [])).not.toThrow();
  });

  it('lets a unit read what it uploaded, and refuses it another’s', () => {
    expect(() => authorizeEvidenceRead(unit, ['unit-b', 'unit-a'])).not.toThrow();
    expect(() => authorizeEvidenceRead(unit, ['unit-b'])).toThrow(/uploaded by unit unit-b/);
    expect(() => authorizeEvidenceRead(unit, [])).toThrow(/uploaded by no unit/);
  });
});
