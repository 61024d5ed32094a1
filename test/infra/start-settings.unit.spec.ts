import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readApiEnv } from '../../apps/api/src/config/read-api-env';
import { readWorkerEnv } from '../../apps/worker/src/worker-env';
import { loadOrCreateAuthSecret } from '../../infra/src/auth-secret';
import { dubanCacheDir, repoRoot } from '../../infra/src/cache-paths';
import { appEnvironment, resolveStartSettings } from '../../infra/src/supervisor/start-settings';

const parts = { temporalAddress: '127.0.0.1:17233', namespace: 'duban', databaseUrl: 'postgres://u:p@127.0.0.1:15432/duban', authSecret: 'secret-1' };

describe('npm start: resolving its variables', () => {
  it('defaults: dev server on 7233 (UI 8233), embedded PostgreSQL on 5432, API on 3000, data in .data/', () => {
    const dataDir = join(repoRoot(), '.data');
    expect(resolveStartSettings({})).toEqual({
      topology: 'single',
      dataDir,
      apiPort: 3000,
      workers: 1,
      temporal: { external: false, kind: 'dev', port: 7233, uiPort: 8233, namespace: 'default', dataDir: join(dataDir, 'temporal') },
      postgres: { external: false, port: 5432, dataDir: join(dataDir, 'postgres') },
    });
  });

  it('PORT, TEMPORAL_PORT, TEMPORAL_UI_PORT, TEMPORAL_NAMESPACE, DUBAN_PG_PORT and DUBAN_DATA_DIR move what they name', () => {
    const settings = resolveStartSettings({
      PORT: '4100',
      TEMPORAL_PORT: '4101',
      TEMPORAL_UI_PORT: '4102',
      TEMPORAL_NAMESPACE: 'duban',
      DUBAN_PG_PORT: '4103',
      DUBAN_DATA_DIR: '/srv/duban-data',
    });
    expect(settings).toEqual({
      topology: 'single',
      dataDir: '/srv/duban-data',
      apiPort: 4100,
      workers: 1,
      temporal: { external: false, kind: 'dev', port: 4101, uiPort: 4102, namespace: 'duban', dataDir: '/srv/duban-data/temporal' },
      postgres: { external: false, port: 4103, dataDir: '/srv/duban-data/postgres' },
    });
    // Without TEMPORAL_UI_PORT the UI follows the frontend port.
    expect(resolveStartSettings({ TEMPORAL_PORT: '4101' }).temporal).toMatchObject({ uiPort: 5101 });
  });

  it('TEMPORAL_ADDRESS and DATABASE_URL replace the embedded servers', () => {
    const settings = resolveStartSettings({ TEMPORAL_ADDRESS: 'temporal:7233', TEMPORAL_NAMESPACE: 'prod', DATABASE_URL: 'postgres://db/duban' });
    expect(settings.temporal).toEqual({ external: true, address: 'temporal:7233', namespace: 'prod' });
    expect(settings.postgres).toEqual({ external: true, url: 'postgres://db/duban' });
  });

  it('refuses a malformed port, naming the variable', () => {
    expect(() => resolveStartSettings({ DUBAN_PG_PORT: 'five' })).toThrow('DUBAN_PG_PORT=five is not a valid port number');
    expect(() => resolveStartSettings({ PORT: '70000' })).toThrow('PORT=70000 is not a valid port number');
  });

  it('DUBAN_CACHE_DIR moves the tool cache', () => {
    expect(dubanCacheDir({ DUBAN_CACHE_DIR: '/srv/cache' })).toBe('/srv/cache');
  });

  it('DUBAN_AUTH_SECRET wins; without it a secret is generated into the data dir once and kept', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'duban-secret-'));
    try {
      expect(loadOrCreateAuthSecret(dataDir, { DUBAN_AUTH_SECRET: 'given' })).toBe('given');
      expect(existsSync(join(dataDir, 'auth-secret'))).toBe(false);
      const generated = loadOrCreateAuthSecret(dataDir, {});
      expect(generated).toMatch(/^[0-9a-f]{64}$/);
      expect(readFileSync(join(dataDir, 'auth-secret'), 'utf8')).toBe(generated);
      expect(loadOrCreateAuthSecret(dataDir, {})).toBe(generated);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('npm start: what the apps receive', () => {
  const settings = resolveStartSettings({ PORT: '4100', DUBAN_DATA_DIR: '/srv/d' });

  it('the apps read the supervisor-provided environment with their own readers, as a deployment would', () => {
    const env = appEnvironment({ DUBAN_REGISTRATION_TIMEOUT_MS: '1500', DUBAN_WORKER_MAX_CACHED_WORKFLOWS: '7', PORT: '4100' }, settings, parts);
    const api = readApiEnv(env);
    expect(api.port).toBe(4100);
    expect(api.config).toEqual({
      databaseUrl: parts.databaseUrl,
      temporal: { address: parts.temporalAddress, namespace: 'duban' },
      authSecret: 'secret-1',
      registrationTimeoutMs: 1500,
      // Evidence files are kept under the data directory the supervisor names.
      dataDir: settings.dataDir,
    });
    const worker = readWorkerEnv(env);
    expect(worker).toMatchObject({
      temporal: { address: parts.temporalAddress, namespace: 'duban' },
      databaseUrl: parts.databaseUrl,
      sdkLogLevel: 'WARN',
      tuning: { maxCachedWorkflows: 7 },
    });
  });

  it('under npm start the API listens on loopback and logs warnings unless HOST and DUBAN_LOG_LEVEL say otherwise', () => {
    const quiet = appEnvironment({}, settings, parts);
    expect(readApiEnv(quiet)).toMatchObject({ host: '127.0.0.1', logLevels: ['fatal', 'error', 'warn'] });
    const loud = appEnvironment({ HOST: '0.0.0.0', DUBAN_LOG_LEVEL: 'debug' }, settings, parts);
    expect(readApiEnv(loud)).toMatchObject({ host: '0.0.0.0', logLevels: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] });
    expect(readWorkerEnv(loud).sdkLogLevel).toBe('DEBUG');
  });

  it('marks the processes with their data dir (what the next start checks before stopping a leftover)', () => {
    expect(appEnvironment({ DUBAN_DATA_DIR: 'relative/d' }, settings, parts).DUBAN_DATA_DIR).toBe('/srv/d');
  });

  it('`npm start` ends by exec-ing the supervisor, so npm is its parent (see stopWhenNpmIsGone)', () => {
    const { scripts } = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8'));
    expect(scripts.start).toMatch(/&& exec node -r \.\/dist\/infra\/src\/runtime-aliases\.js dist\/infra\/src\/start\.js$/);
  });
});
