import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '../..');

/** What a test needs, by its name; vitest.config.mts runs exactly these (unit vs integration). */
const KINDS = [/\.unit\.spec\.ts$/, /\.pg\.spec\.ts$/, /\.pg\.test\.ts$/, /\.temporal\.test\.ts$/, /\.e2e\.test\.ts$/];

const tracked = (suffix: RegExp) =>
  execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\n')
    .filter((file) => suffix.test(file));
const testFiles = () => tracked(/\.(spec|test)\.ts$/);

describe('test file names', () => {
  it('say what each test needs, so none is silently left out of a run', () => {
    const files = testFiles();
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((file) => !KINDS.some((kind) => kind.test(file)))).toEqual([]);
  });

  it("each fall under some Nx project's test target, so `npm test` runs them all", () => {
    const roots = tracked(/(^|\/)project\.json$/).flatMap((file) => {
      const command: string | undefined = JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')).targets?.test?.command;
      return command?.startsWith('vitest run ') ? command.slice('vitest run '.length).split(' ') : [];
    });
    expect(testFiles().filter((file) => !roots.some((root) => file.startsWith(`${root}/`) || file.startsWith(root)))).toEqual([]);
  });
});
