import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/src/cache-paths';
import { workerStopGraceMs } from '../../infra/src/supervisor/data-dir-processes';
import { resolveStartSettings } from '../../infra/src/supervisor/start-settings';

describe('npm run start:cluster: resolving its variables', () => {
  it('defaults: the full server on 7233 with Temporal on the embedded PostgreSQL, two workers, data in .data/cluster', () => {
    const dataDir = join(repoRoot(), '.data', 'cluster');
    expect(resolveStartSettings({}, 'cluster')).toEqual({
      topology: 'cluster',
      dataDir,
      apiPort: 3000,
      workers: 2,
      temporal: { external: false, kind: 'server', port: 7233, namespace: 'default', dir: join(dataDir, 'temporal-server') },
      postgres: { external: false, port: 5432, dataDir: join(dataDir, 'postgres') },
    });
  });

  it('DUBAN_CLUSTER_WORKERS, TEMPORAL_POSTGRES_URL, TEMPORAL_PORT and DUBAN_DATA_DIR move what they name', () => {
    const settings = resolveStartSettings(
      { DUBAN_CLUSTER_WORKERS: '3', TEMPORAL_POSTGRES_URL: 'postgres://t:p@db:5433/tmp', TEMPORAL_PORT: '4101', DUBAN_DATA_DIR: '/srv/c' },
      'cluster',
    );
    expect(settings).toMatchObject({
      dataDir: '/srv/c',
      workers: 3,
      temporal: { kind: 'server', port: 4101, dir: '/srv/c/temporal-server', postgresUrl: 'postgres://t:p@db:5433/tmp' },
    });
    expect(resolveStartSettings({ TEMPORAL_ADDRESS: 'temporal:7233' }, 'cluster').temporal).toEqual({
      external: true,
      address: 'temporal:7233',
      namespace: 'default',
    });
  });

  it('refuses a worker count that is no count', () => {
    for (const bad of ['0', 'two', '33'])
      expect(() => resolveStartSettings({ DUBAN_CLUSTER_WORKERS: bad }, 'cluster')).toThrow(`DUBAN_CLUSTER_WORKERS=${bad} is not a number`);
  });

  it('a worker gets its own shutdown grace plus 5 s before SIGKILL', () => {
    expect(workerStopGraceMs({})).toBe(15_000);
    expect(workerStopGraceMs({ DUBAN_WORKER_SHUTDOWN_GRACE_MS: '30000' })).toBe(35_000);
  });
});
