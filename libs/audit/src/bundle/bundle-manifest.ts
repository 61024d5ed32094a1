import { createHash } from 'node:crypto';

export const MANIFEST_FILE = 'manifest.json';
/** The root digest: the SHA-256 of manifest.json's bytes, in hex. */
export const ROOT_DIGEST_FILE = 'manifest.sha256';
export const SIGNATURE_FILE = 'signature.json';
/** The files that describe the bundle rather than belong to it. */
export const BUNDLE_META_FILES: readonly string[] = [MANIFEST_FILE, ROOT_DIGEST_FILE, SIGNATURE_FILE];

export interface ManifestEntry {
  /** Relative to the bundle's folder, `/`-separated. */
  path: string;
  sha256: string;
  size: number;
}

/** What a bundle can be exported for (`duban export --<kind>`, `GET /audit/bundles/:kind/:id`). */
export const BUNDLE_SUBJECT_KINDS = ['hazard', 'campaign', 'unit', 'accident', 'enforcement'] as const;
export type BundleSubjectKind = (typeof BUNDLE_SUBJECT_KINDS)[number];

/** A digest the exported events reference that the evidence store did not have at export time, and the ledger files referencing it. */
export interface MissingEvidence {
  digest: string;
  referencedBy: string[];
}

/** What the bundle holds and proves: each file's digest, what it is about, who exported it and when. */
export interface BundleManifest {
  format: 'duban-audit-bundle/1';
  subject: { kind: BundleSubjectKind; id: string };
  exportedAt: string;
  exportedBy: string;
  /** Evidence referenced but not in the store when exported: said openly, so the auditor sees the gap (verify reports each). */
  missingEvidence?: MissingEvidence[];
  files: ManifestEntry[];
}

export const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

export const manifestBytes = (manifest: BundleManifest): Buffer => Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
