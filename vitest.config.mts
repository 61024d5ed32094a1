import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// The same @duban/* aliases as tsconfig.base.json, read from it so they cannot drift.
const tsconfig = JSON.parse(readFileSync(path.join(import.meta.dirname, 'tsconfig.base.json'), 'utf8'));
const alias = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths as Record<string, string[]>).map(([name, [target]]) => [
    name,
    path.resolve(import.meta.dirname, target),
  ]),
);

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ['default', './test/setup/plain-summary-reporter.ts'],
    projects: [
      {
        extends: true,
        // A test file's name says what it needs (test/lint/test-file-names.unit.spec.ts keeps every file to one of these).
        // Pure tests share their workers' module cache (no fresh import graph per file): the api's
        // specs spent 89 s of 140 s importing NestJS again per file, 13 s of 36 s so. None mocks modules.
        test: { name: 'unit', include: ['**/*.unit.spec.ts'], isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['**/*.pg.spec.ts', '**/*.pg.test.ts', '**/*.temporal.test.ts', '**/*.e2e.test.ts'],
          globalSetup: ['test/setup/global-setup.ts'],
          setupFiles: ['test/setup/quiet-temporal-logs.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
