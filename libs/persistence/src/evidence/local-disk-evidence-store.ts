import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { evidenceDigestOf, isEvidenceDigest } from '@duban/domain';
import type { EvidenceStore, StoredEvidence } from './evidence-store';

/**
 * Evidence files on the local disk: `<root>/sha256/ab/cdef…` (the first two hex digits as a
 * folder, so no folder holds millions of files). A put streams into `<root>/tmp/` while hashing
 * and renames the finished file into place: a rename within one file system is atomic, so a
 * crash leaves at most a temporary file, never a partial one under a digest.
 */
export class LocalDiskEvidenceStore implements EvidenceStore {
  constructor(readonly root: string) {}

  /** Where the file with `digest` lives (whether or not it is there). */
  pathOf(digest: string): string {
    if (!isEvidenceDigest(digest)) throw new Error(`not an evidence digest: ${JSON.stringify(digest)}`);
    const hex = digest.slice('sha256:'.length);
    return join(this.root, 'sha256', hex.slice(0, 2), hex.slice(2));
  }

  async put(source: Uint8Array | Readable): Promise<StoredEvidence> {
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      const input = source instanceof Readable ? source : Readable.from([Buffer.from(source.buffer, source.byteOffset, source.byteLength)]);
      await pipeline(input, hashing, createWriteStream(tmp, { flags: 'wx', flush: true }));
      const digest = evidenceDigestOf(hash.digest('hex'));
      const target = this.pathOf(digest);
      if (await this.exists(target)) {
        await rm(tmp, { force: true });
        return { digest, size, stored: false };
      }
      await mkdir(join(target, '..'), { recursive: true });
      // Two puts of the same bytes at once both rename: the second replaces identical bytes.
      await rename(tmp, target);
      return { digest, size, stored: true };
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async has(digest: string): Promise<boolean> {
    return isEvidenceDigest(digest) && this.exists(this.pathOf(digest));
  }

  async open(digest: string): Promise<Readable | undefined> {
    if (!(await this.has(digest))) return undefined;
    return createReadStream(this.pathOf(digest));
  }

  private async exists(path: string): Promise<boolean> {
    return access(path).then(
      () => true,
      () => false,
    );
  }
}
