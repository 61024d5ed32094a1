// Lint: typescript-eslint's recommended rules plus the layer rules the Nx project tags declare
// (eslint-plugin-boundaries; @nx/eslint-plugin is not served for nx 24 here).
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The layers, by folder. `tests` may reach every layer; nothing reaches `tests`. */
// Matched from the repository root (partialMatch: false), so `test/workflows/…` is a test.
const ELEMENTS = [
  { type: 'tests', pattern: 'test', partialMatch: false },
  { type: 'domain', pattern: 'libs/domain', partialMatch: false },
  { type: 'persistence', pattern: 'libs/persistence', partialMatch: false },
  { type: 'spreadsheets', pattern: 'libs/spreadsheets', partialMatch: false },
  { type: 'registry-import', pattern: 'libs/registry-import', partialMatch: false },
  { type: 'hazard-import', pattern: 'libs/hazard-import', partialMatch: false },
  { type: 'temporal-client', pattern: 'libs/temporal-client', partialMatch: false },
  { type: 'audit', pattern: 'libs/audit', partialMatch: false },
  { type: 'workflows', pattern: 'workflows', partialMatch: false },
  { type: 'api', pattern: 'apps/api', partialMatch: false },
  { type: 'worker', pattern: 'apps/worker', partialMatch: false },
  { type: 'cli', pattern: 'apps/cli', partialMatch: false },
  { type: 'web', pattern: 'apps/web', partialMatch: false },
  { type: 'infra', pattern: 'infra', partialMatch: false },
];

const to = (...types) => ({ to: { element: { types: { anyOf: types } } } });
const externals = (...sources) => sources.map((source) => ({ to: { module: { origin: 'external', source } } }));
const anyPackage = [{ to: { module: { origin: 'external' } } }, { to: { module: { origin: 'core' } } }];

/** Specs and test helpers inside a layer may use the test runner, whatever the layer. */
const TEST_FILES = [{ category: 'test-code', pattern: ['**/*.spec.ts', '**/testing/**'] }];

/** Which layer may import which (internal elements) and which packages (external modules). */
const POLICIES = [
  { from: { file: { categories: 'test-code' } }, allow: externals('vitest') },
  // The domain is pure: nothing but itself (no NestJS, TypeORM, pg, Temporal); only @noble/hashes, a pure
  // audited digest that also runs in the workflow sandbox (a work calendar's version is its content's hash).
  { from: { element: { type: 'domain' } }, allow: [to('domain'), ...externals('@noble/hashes')] },
  // Workflow code runs in Temporal's sandbox: the domain and the workflow SDK only.
  { from: { element: { type: 'workflows' } }, allow: [to('domain', 'workflows'), ...externals('@temporalio/workflow', '@temporalio/common')] },
  { from: { element: { type: 'persistence' } }, allow: [to('domain', 'persistence'), ...anyPackage] },
  { from: { element: { type: 'temporal-client' } }, allow: [to('temporal-client'), ...anyPackage] },
  // Replay for auditors (审计): fetches and replays histories against the workflow code (bundled from its files, never imported).
  { from: { element: { type: 'audit' } }, allow: [to('audit', 'domain', 'persistence', 'temporal-client'), ...anyPackage] },
  // Reading and writing spreadsheet files knows nothing of the domain: reused by imports and ledger exports.
  { from: { element: { type: 'spreadsheets' } }, allow: [to('spreadsheets'), ...anyPackage] },
  // The registry import (单位库导入) joins files, the domain's rules and the registry's batch write; API and CLI share it.
  { from: { element: { type: 'registry-import' } }, allow: [to('registry-import', 'domain', 'persistence', 'spreadsheets'), ...anyPackage] },
  // The hazard ledger in Excel (隐患台账导出导入): its layout, the rows read as reports; shares the registry import's problem shape.
  {
    from: { element: { type: 'hazard-import' } },
    allow: [to('hazard-import', 'registry-import', 'domain', 'persistence', 'spreadsheets'), ...anyPackage],
  },
  // Apps are thin deployables over the libs; no app imports another, nor infra.
  {
    from: { element: { type: 'api' } },
    allow: [
      to('api', 'domain', 'persistence', 'temporal-client', 'workflows', 'spreadsheets', 'registry-import', 'hazard-import', 'audit'),
      ...anyPackage,
    ],
  },
  { from: { element: { type: 'worker' } }, allow: [to('worker', 'domain', 'persistence', 'temporal-client', 'workflows', 'audit'), ...anyPackage] },
  // The operator's command line (duban): talks to PostgreSQL like a migration does.
  {
    from: { element: { type: 'cli' } },
    allow: [to('cli', 'domain', 'persistence', 'spreadsheets', 'registry-import', 'hazard-import', 'temporal-client', 'audit'), ...anyPackage],
  },
  // The browser workspace (工作台): the domain's labels and rules, and its UI packages; it talks to the API only over HTTP.
  { from: { element: { type: 'web' } }, allow: [to('web', 'domain'), ...anyPackage] },
  // Infra starts the real parts; it talks to the apps only as processes, never by import.
  { from: { element: { type: 'infra' } }, allow: [to('infra', 'domain', 'persistence', 'temporal-client', 'workflows'), ...anyPackage] },
  {
    from: { element: { type: 'tests' } },
    allow: [
      to(
        'tests',
        'domain',
        'persistence',
        'spreadsheets',
        'registry-import',
        'hazard-import',
        'temporal-client',
        'workflows',
        'api',
        'worker',
        'cli',
        'infra',
        'audit',
        'web',
      ),
      ...anyPackage,
    ],
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.data/**', '.nx/**', 'coverage/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Plain scripts (test runner glue, configs) run on Node.
  { files: ['**/*.mjs', '**/*.cjs'], languageOptions: { globals: globals.node } },
  // The workspace's own code runs in the browser.
  { files: ['apps/web/src/**/*.ts'], languageOptions: { globals: globals.browser } },
  {
    files: ['**/*.ts', '**/*.mts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/files': TEST_FILES,
      'import/resolver': { typescript: { project: './tsconfig.base.json' } },
    },
    rules: {
      'boundaries/dependencies': [2, { default: 'disallow', checkAllOrigins: true, policies: POLICIES }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // A file upload goes through UploadRoute, which claims its Idempotency-Key after the file is parsed.
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/http/upload-route.decorator.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/platform-express',
              importNames: ['FileInterceptor', 'FilesInterceptor'],
              message: 'Use UploadRoute (apps/api/src/http/upload-route.decorator.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests poke HTTP bodies and SDK internals whose shapes they assert on, not type.
    files: ['**/*.spec.ts', 'test/**/*.ts', '**/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
