import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalDiskEvidenceStore } from './local-disk-evidence-store';

const root = mkdtempSync(join(tmpdir(), 'duban-evidence-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file under `dir`, relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));

describe('the local-disk evidence store', () => {
  const store = new LocalDiskEvidenceStore(root);
  const bytes = new TextEncoder().encode('%PDF-1.7 整改验收签字表');
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

  it('keeps the same bytes once, under their digest, whether sent as bytes or as a stream', async () => {
    expect(await store.put(bytes)).toEqual({ digest, size: bytes.length, stored: true });
    expect(await store.put(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]))).toEqual({ digest, size: bytes.length, stored: false });
    const hex = digest.slice('sha256:'.length);
    expect(filesUnder(join(root, 'sha256'))).toEqual([join(hex.slice(0, 2), hex.slice(2))]);
    // Nothing left behind in the temporary folder.
    expect(filesUnder(join(root, 'tmp'))).toEqual([]);
  });

  it('opens the bytes it keeps', async () => {
    expect(await store.has(digest)).toBe(true);
    expect(await text((await store.open(digest))!)).toBe(new TextDecoder().decode(bytes));
  });

  it('has no file under a digest it never stored, nor under a text that is no digest', async () => {
    const other = `sha256:${'0'.repeat(64)}`;
    expect(await store.has(other)).toBe(false);
    expect(await store.open(other)).toBeUndefined();
    expect(await store.has('sha256:../../etc/passwd')).toBe(false);
  });

  it('leaves nothing behind when the source fails halfway', async () => {
    const failing = Readable.from(
      (async function* () {
        yield Buffer.from('%PDF-half');
        throw new Error('connection reset');
      })(),
    );
    await expect(store.put(failing)).rejects.toThrow('connection reset');
    expect(filesUnder(join(root, 'tmp'))).toEqual([]);
    expect(filesUnder(join(root, 'sha256'))).toHaveLength(1);
  });
});
