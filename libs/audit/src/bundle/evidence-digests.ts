import { isEvidenceDigest } from '@duban/domain';

/** The folder of a bundle that holds the evidence files, each named by its SHA-256 in hex. */
export const EVIDENCE_DIR = 'evidence';

export const evidencePath = (digest: string): string => `${EVIDENCE_DIR}/${digest.slice('sha256:'.length)}`;

/** Every `sha256:<hex>` digest anywhere in `value` (attachments, photos, signed forms), each once, in the order met. */
export function evidenceDigestsIn(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    if (isEvidenceDigest(value)) found.add(value);
  } else if (Array.isArray(value)) for (const item of value) evidenceDigestsIn(item, found);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) evidenceDigestsIn(item, found);
  return found;
}
