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

/** What the bundle holds and proves: each file's digest, what it is about, who exported it and when. */
export interface BundleManifest {
  format: 'duban-audit-bundle/1';
  subject: { kind: 'hazard' | 'campaign'; id: string };
  exportedAt: string;
  exportedBy: string;
  files: ManifestEntry[];
}

export const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** The manifest over `files`, in path order so the same files always give the same bytes. */
export function buildManifest(
  head: Omit<BundleManifest, 'format' | 'files'>,
  files: ReadonlyArray<{ path: string; bytes: Uint8Array }>,
): BundleManifest {
  const entries = files
    .map((f) => ({ path: f.path, sha256: sha256Hex(f.bytes), size: f.bytes.byteLength }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { format: 'duban-audit-bundle/1', ...head, files: entries };
}

export const manifestBytes = (manifest: BundleManifest): Buffer => Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
