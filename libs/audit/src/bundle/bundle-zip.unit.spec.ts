import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { unzipBundle, zipBundle } from './bundle-zip';

const scratch: string[] = [];
async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'duban-bundle-zip-'));
  scratch.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of scratch.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('a bundle as one .zip (zipBundle, unzipBundle)', () => {
  it('zips the folder’s files at the zip’s root and gives them back byte for byte', async () => {
    const bundle = await folder();
    await mkdir(path.join(bundle, 'histories', 'hazard-1'), { recursive: true });
    await writeFile(path.join(bundle, 'manifest.json'), '{"files":[]}\n');
    await writeFile(path.join(bundle, 'histories', 'hazard-1', 'run.json'), '{"events":[]}');
    const zipFile = path.join(await folder(), 'bundle.zip');
    await zipBundle(bundle, createWriteStream(zipFile));

    const zip = await JSZip.loadAsync(await readFile(zipFile));
    expect(
      Object.values(zip.files)
        .filter((f) => !f.dir)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['histories/hazard-1/run.json', 'manifest.json']);
    const out = await folder();
    expect(await unzipBundle(zipFile, out)).toEqual({ root: out, problems: [] });
    expect(await readFile(path.join(out, 'histories', 'hazard-1', 'run.json'), 'utf8')).toBe('{"events":[]}');
  });

  it('finds the bundle inside the one folder a re-zipped download wraps it in', async () => {
    const zip = new JSZip();
    zip.file('审计导出包/manifest.json', '{}');
    zip.file('审计导出包/timeline.html', '<p></p>');
    const zipFile = path.join(await folder(), 'rezipped.zip');
    await writeFile(zipFile, await zip.generateAsync({ type: 'nodebuffer' }));
    const out = await folder();
    expect(await unzipBundle(zipFile, out)).toEqual({ root: path.join(out, '审计导出包'), problems: [] });
  });

  it('refuses an entry that would land outside the folder (zip slip), and says a file is no zip', async () => {
    const dir = await folder();
    const zip = new JSZip();
    zip.file('manifest.json', '{}');
    zip.file('../escaped.txt', 'x');
    zip.file(path.join(dir, 'absolute.txt'), 'y');
    const zipFile = path.join(dir, 'slip.zip');
    await writeFile(zipFile, await zip.generateAsync({ type: 'nodebuffer' }));
    const out = path.join(dir, 'out');
    await mkdir(out);
    const { problems } = await unzipBundle(zipFile, out);
    // JSZip itself reads `../escaped.txt` as `escaped.txt`; an absolute name is refused here.
    expect(problems).toEqual([{ file: path.join(dir, 'absolute.txt'), problem: 'its path leads outside the bundle: not extracted' }]);
    expect(existsSync(path.join(dir, 'escaped.txt'))).toBe(false);
    expect(existsSync(path.join(dir, 'absolute.txt'))).toBe(false);
    expect(existsSync(path.join(out, 'escaped.txt'))).toBe(true);

    await writeFile(path.join(dir, 'not.zip'), 'plain text');
    const notZip = await unzipBundle(path.join(dir, 'not.zip'), out);
    expect(notZip.problems).toEqual([{ file: 'not.zip', problem: expect.stringMatching(/^not a readable zip: /) }]);
  });
});
