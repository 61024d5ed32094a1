import { createHash } from 'node:crypto';
import { evidenceDigestOf } from '@duban/domain';
import type { InMemoryEvidence } from '../in-memory-evidence';
import { unitA } from '../actors';
import { UNIT, type Recipe } from './recipe-parts';

/** The matrix's evidence file: a PNG uploaded by the caller's own unit (unit-a), so a unit reads it and a department of another unit does not. */
const MATRIX_EVIDENCE_BYTES = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x6d, 0x61, 0x74, 0x72, 0x69, 0x78]);
const MATRIX_EVIDENCE_DIGEST = evidenceDigestOf(createHash('sha256').update(MATRIX_EVIDENCE_BYTES).digest('hex'));

export async function seedMatrixEvidence(evidence: InMemoryEvidence): Promise<void> {
  await evidence.seed(MATRIX_EVIDENCE_BYTES, 'image/png', unitA);
}

/** The evidence routes (证据材料). */
export const EVIDENCE_RECIPES: Record<string, Recipe> = {
  // No file: the roles the route lets through meet the 400 (file required), never a write.
  'POST /evidence': () => ({ path: '/evidence' }),
  'GET /evidence/:digest': () => ({ path: `/evidence/${MATRIX_EVIDENCE_DIGEST}`, checks: [{ evidenceUploadedBy: [UNIT.own] }] }),
};
