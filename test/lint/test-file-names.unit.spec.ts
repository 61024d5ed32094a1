import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '../..');

/** What a test needs, by its name; vitest.config.mts runs exactly these (unit vs integration). */
const KINDS = [/\.unit\.spec\.ts$/, /\.pg\.spec\.ts$/, /\.pg\.test\.ts$/, /\.temporal\.test\.ts$/, /\.e2e\.test\.ts$/];

describe('test file names', () => {
  it('say what each test needs, so none is silently left out of a run', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' })
      .split('\n')
      .filter((file) => /\.(spec|test)\.ts$/.test(file));
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((file) => !KINDS.some((kind) => kind.test(file)))).toEqual([]);
  });
});
