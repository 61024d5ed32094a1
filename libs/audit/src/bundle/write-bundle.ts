import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { signRootDigest } from './bundle-signature';
import { buildManifest, manifestBytes, MANIFEST_FILE, ROOT_DIGEST_FILE, sha256Hex, SIGNATURE_FILE, type BundleManifest } from './bundle-manifest';

export interface BundleFile {
  path: string;
  bytes: Uint8Array;
}

/**
 * Writes the bundle's files into `dir` (made if missing), then the manifest over them, its root
 * digest, and — with the office's key — the Ed25519 signature over that digest. Answers the root digest.
 */
export async function writeBundle(
  dir: string,
  head: Omit<BundleManifest, 'format' | 'files'>,
  files: readonly BundleFile[],
  signingKeyPem?: string,
): Promise<{ rootDigest: string; manifest: BundleManifest }> {
  for (const file of files) {
    const target = path.join(dir, ...file.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.bytes);
  }
  const manifest = buildManifest(head, files);
  const bytes = manifestBytes(manifest);
  const rootDigest = sha256Hex(bytes);
  await writeFile(path.join(dir, MANIFEST_FILE), bytes);
  await writeFile(path.join(dir, ROOT_DIGEST_FILE), `${rootDigest}\n`);
  if (signingKeyPem !== undefined)
    await writeFile(path.join(dir, SIGNATURE_FILE), `${JSON.stringify(signRootDigest(rootDigest, signingKeyPem), null, 2)}\n`);
  return { rootDigest, manifest };
}
