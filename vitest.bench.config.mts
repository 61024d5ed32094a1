import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.mts';

// `npm run bench`: measurements, not tests — kept out of `npm test`, same real servers.
export default mergeConfig(
  { ...base, test: { ...base.test, projects: undefined } },
  defineConfig({
    test: {
      include: ['test/bench/**/*.bench.ts'],
      globalSetup: ['test/setup/global-setup.ts'],
      setupFiles: ['test/setup/quiet-temporal-logs.ts'],
      testTimeout: 900_000,
      hookTimeout: 600_000,
      reporters: ['default'],
    },
  }),
);
