import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import archiver from 'archiver';
import JSZip from 'jszip';
import type { BundleProblem } from './verify-bundle';

/** What an exported bundle travels as over HTTP: one .zip of its folder, the bundle's files at the zip's root. */
export const BUNDLE_ZIP_MEDIA_TYPE = 'application/zip';

/**
 * Streams the bundle folder `dir` into `out` as a zip, each file read as it is written — a
 * 1,000-unit campaign's 21 MB never sits in memory at once. Resolves once the archive is
 * finished and `out` has taken the last byte; rejects on a read or write failure.
 */
export async function zipBundle(dir: string, out: NodeJS.WritableStream): Promise<void> {
  const archive = archiver('zip', { zlib: { level: 6 } });
  // A file vanishing under the export is a broken bundle, not a warning.
  archive.on('warning', (error) => archive.emit('error', error));
  archive.directory(dir, false);
  // Its failure is the pipeline's too, reported there.
  archive.finalize().catch(() => undefined);
  await pipeline(archive, out);
}

/** Whether the bundle's files sit at `root`'s top, or in one folder a re-zipped download wraps them in. */
async function bundleRoot(dir: string, names: string[]): Promise<string> {
  if (names.includes('manifest.json')) return dir;
  const tops = new Set(names.map((name) => name.split('/')[0]));
  const [only] = [...tops];
  return tops.size === 1 && names.includes(`${only}/manifest.json`) ? path.join(dir, only!) : dir;
}

/**
 * Extracts a downloaded bundle (`duban verify x.zip`) into `dir` with JSZip, refusing any entry
 * that would land outside it (zip slip: JSZip resolves `../` itself, an absolute name it keeps). An entry that cannot be inflated (a changed byte in the
 * zip) is reported by name and left out — verify then reports its digest too. Answers the
 * folder to verify: `dir`, or the one folder the zip wraps the bundle in.
 */
export async function unzipBundle(zipFile: string, dir: string): Promise<{ root: string; problems: BundleProblem[] }> {
  const problems: BundleProblem[] = [];
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await readFile(zipFile));
  } catch (error) {
    return { root: dir, problems: [{ file: path.basename(zipFile), problem: `not a readable zip: ${(error as Error).message}` }] };
  }
  const base = path.resolve(dir);
  const names: string[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const target = path.resolve(base, entry.name);
    if (!target.startsWith(`${base}${path.sep}`)) {
      problems.push({ file: entry.name, problem: 'its path leads outside the bundle: not extracted' });
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await pipeline(entry.nodeStream('nodebuffer'), createWriteStream(target));
      names.push(entry.name);
    } catch (error) {
      // What was written of it is not the file: left out whole, verify reports it missing.
      await rm(target, { force: true });
      problems.push({ file: entry.name, problem: `cannot be read from the zip (${(error as Error).message})` });
    }
  }
  return { root: await bundleRoot(base, names), problems };
}
