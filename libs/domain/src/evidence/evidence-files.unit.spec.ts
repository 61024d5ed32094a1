import { describe, expect, it } from 'vitest';
import { admitEvidenceFile, sniffEvidenceType } from './admit-evidence-file';
import { evidenceSniffLength, STANDARD_EVIDENCE_POLICY } from './evidence-policy';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const PDF = new TextEncoder().encode('%PDF-1.7\n');
const EXE = new TextEncoder().encode('MZ\x90\x00\x03\x00\x00\x00');

describe('evidence files: the type is read from the bytes', () => {
  it('recognises JPEG, PNG and PDF by their leading bytes', () => {
    expect(sniffEvidenceType(PNG)).toBe('image/png');
    expect(sniffEvidenceType(JPEG)).toBe('image/jpeg');
    expect(sniffEvidenceType(PDF)).toBe('application/pdf');
    expect(evidenceSniffLength()).toBe(8);
  });

  it('recognises nothing else, nor a file too short to carry the magic number', () => {
    expect(sniffEvidenceType(EXE)).toBeUndefined();
    expect(sniffEvidenceType(PNG.subarray(0, 4))).toBeUndefined();
    expect(sniffEvidenceType(new Uint8Array())).toBeUndefined();
  });

  it('takes a file as what its bytes are, whatever generic type it was sent as', () => {
    expect(admitEvidenceFile({ size: 12, head: PNG, declaredType: 'application/octet-stream' })).toEqual({ admitted: true, mediaType: 'image/png' });
    expect(admitEvidenceFile({ size: 9, head: PDF })).toEqual({ admitted: true, mediaType: 'application/pdf' });
    expect(admitEvidenceFile({ size: 6, head: JPEG, declaredType: 'image/jpeg; charset=binary' })).toEqual({
      admitted: true,
      mediaType: 'image/jpeg',
    });
  });

  it('refuses an .exe sent as image/png, and a PDF sent as a PNG', () => {
    expect(admitEvidenceFile({ size: 8, head: EXE, declaredType: 'image/png' })).toMatchObject({ admitted: false, reason: 'unsupported_type' });
    const pdfAsPng = admitEvidenceFile({ size: 9, head: PDF, declaredType: 'image/png' });
    expect(pdfAsPng).toMatchObject({ admitted: false, reason: 'unsupported_type' });
    expect(pdfAsPng.admitted === false && pdfAsPng.message).toContain('application/pdf');
  });

  it('refuses an empty file as of no type', () => {
    expect(admitEvidenceFile({ size: 0, head: new Uint8Array() })).toMatchObject({ admitted: false, reason: 'unsupported_type' });
  });

  it('takes a file of exactly the limit and refuses one byte more', () => {
    const max = STANDARD_EVIDENCE_POLICY.maxBytes;
    expect(max).toBe(20 * 1024 * 1024);
    expect(admitEvidenceFile({ size: max, head: PNG })).toEqual({ admitted: true, mediaType: 'image/png' });
    expect(admitEvidenceFile({ size: max + 1, head: PNG })).toMatchObject({ admitted: false, reason: 'too_large' });
  });
});
