import { defineConfig } from 'vitest/config';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// The same @duban/* aliases as tsconfig.base.json, read from it so they cannot drift.
const tsconfig = JSON.parse(readFileSync(path.join(import.meta.dirname, 'tsconfig.base.json'), 'utf8'));
const alias = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths as Record<string, string[]>).map(([name, [target]]) => [name, path.resolve(import.meta.dirname, target)]),
);

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ['default', './test/setup/plain-summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['libs/domain/src/**/*.spec.ts', 'workflows/src/**/*.spec.ts', 'apps/**/*.spec.ts', 'test/**/*.unit.spec.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['libs/persistence/src/**/*.spec.ts', 'test/**/*.test.ts'],
          globalSetup: ['test/setup/global-setup.ts'],
          setupFiles: ['test/setup/quiet-temporal-logs.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
