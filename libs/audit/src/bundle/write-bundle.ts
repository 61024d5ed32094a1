import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { signRootDigest } from './bundle-signature';
import {
  manifestBytes,
  MANIFEST_FILE,
  ROOT_DIGEST_FILE,
  sha256Hex,
  SIGNATURE_FILE,
  type BundleManifest,
  type ManifestEntry,
} from './bundle-manifest';

/**
 * Writes a bundle into `dir` (made if missing) file by file — a 1,000-unit campaign's histories
 * never sit in memory together — then the manifest over them (in path order, so the same files
 * always give the same bytes), its root digest, and with the office's key the Ed25519 signature
 * over that digest.
 */
export class BundleWriter {
  private readonly entries: ManifestEntry[] = [];

  constructor(readonly dir: string) {}

  get fileCount(): number {
    return this.entries.length;
  }

  get byteCount(): number {
    return this.entries.reduce((sum, e) => sum + e.size, 0);
  }

  async add(file: string, bytes: Uint8Array | string): Promise<void> {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    const target = path.join(this.dir, ...file.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, data);
    this.entries.push({ path: file, sha256: sha256Hex(data), size: data.byteLength });
  }

  async finish(head: Omit<BundleManifest, 'format' | 'files'>, signingKeyPem?: string): Promise<{ rootDigest: string; manifest: BundleManifest }> {
    const files = [...this.entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const manifest: BundleManifest = { format: 'duban-audit-bundle/1', ...head, files };
    const bytes = manifestBytes(manifest);
    const rootDigest = sha256Hex(bytes);
    await writeFile(path.join(this.dir, MANIFEST_FILE), bytes);
    await writeFile(path.join(this.dir, ROOT_DIGEST_FILE), `${rootDigest}\n`);
    if (signingKeyPem !== undefined)
      await writeFile(path.join(this.dir, SIGNATURE_FILE), `${JSON.stringify(signRootDigest(rootDigest, signingKeyPem), null, 2)}\n`);
    return { rootDigest, manifest };
  }
}
