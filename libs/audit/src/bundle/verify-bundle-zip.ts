import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipBundle } from './bundle-zip';
import { verifyBundle, type BundleVerification, type VerifyOptions } from './verify-bundle';

/**
 * Verifies a downloaded bundle as it came (the .zip `GET /audit/bundles/…` answers): extracted
 * into a temporary folder, checked as `verifyBundle` checks a folder, the folder then removed.
 * An entry the zip could not give back is a problem naming it, as a changed file is.
 */
export async function verifyBundleZip(zipFile: string, options: VerifyOptions = {}): Promise<BundleVerification> {
  const dir = await mkdtemp(path.join(tmpdir(), 'duban-verify-'));
  try {
    const { root, problems } = await unzipBundle(zipFile, dir);
    const verified = await verifyBundle(root, options);
    const all = [...problems, ...verified.problems];
    return { ...verified, problems: all, ok: all.length === 0 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
