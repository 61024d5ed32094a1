import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { manifestBytes, sha256Hex, type BundleManifest } from '../../libs/audit/src/bundle/bundle-manifest';

/** Scratch folders of a test file, removed after it. */
export function scratchFolders(): { make(prefix: string): Promise<string>; copyOf(dir: string): Promise<string>; removeAll(): Promise<void> } {
  const made: string[] = [];
  const make = async (prefix: string) => {
    const dir = await mkdtemp(path.join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
  return {
    make,
    async copyOf(dir) {
      const copy = await make('duban-bundle-copy-');
      await cp(dir, copy, { recursive: true });
      return copy;
    },
    async removeAll() {
      for (const dir of made) await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function flipByte(file: string): Promise<void> {
  const bytes = await readFile(file);
  bytes[Math.floor(bytes.length / 2)] ^= 0x01;
  await writeFile(file, bytes);
}

/** Rewrites one file of a bundle and its manifest entry and root digest to match (what a forger without the office's key can do). */
export async function forgeFile(bundle: string, file: string, bytes: Buffer): Promise<void> {
  await writeFile(path.join(bundle, ...file.split('/')), bytes);
  const manifest = JSON.parse(await readFile(path.join(bundle, 'manifest.json'), 'utf8')) as BundleManifest;
  Object.assign(
    manifest.files.find((f) => f.path === file)!,
    { sha256: sha256Hex(bytes), size: bytes.byteLength },
  );
  const manifestRaw = manifestBytes(manifest);
  await writeFile(path.join(bundle, 'manifest.json'), manifestRaw);
  await writeFile(path.join(bundle, 'manifest.sha256'), `${sha256Hex(manifestRaw)}\n`);
  await rm(path.join(bundle, 'signature.json'), { force: true });
}

/**
 * Waits until the workflows are at rest: no activity pending and the history no longer growing —
 * their ledger writes done (a unit's go through local activities, after its update answered).
 */
export async function untilSettled(client: Client, workflowIds: readonly string[], timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let before = '';
  for (;;) {
    const described = await Promise.all(workflowIds.map((id) => client.workflow.getHandle(id).describe()));
    const now = described.map((d) => `${d.historyLength}/${d.raw.pendingActivities?.length ?? 0}`).join(',');
    if (now === before && described.every((d) => (d.raw.pendingActivities?.length ?? 0) === 0)) return;
    if (Date.now() > until) throw new Error(`workflows not settled within ${timeoutMs} ms: ${now}`);
    before = now;
    await new Promise((r) => setTimeout(r, 700));
  }
}
