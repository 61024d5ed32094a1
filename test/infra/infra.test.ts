import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect, afterEach } from 'vitest';
import { Client } from 'pg';
import { Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  assertPortFree,
  defaultDataDir,
  dubanCacheDir,
  findFreePort,
  javaTestServerDir,
  repoRoot,
  resolveTemporalCli,
  startEmbeddedPostgres,
  startTemporalDevServer,
} from '../../infra/src';
import { cachedTemporalCliPath } from '../../infra/src/temporal-cli';
import { customSearchAttributes } from '../../workflows/src/search-attributes';

/** A temp dir the "postgres" OS user can enter (mkdtemp makes 0700 dirs). */
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

async function holdPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { port: address.port, server };
}

const savedEnv = { ...process.env };
afterEach(() => {
  for (const key of ['TEMPORAL_CLI', 'DUBAN_CACHE_DIR', 'DUBAN_DATA_DIR']) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

describe('paths', () => {
  it('finds the repo root (nx.json) and defaults the data dir under it', () => {
    delete process.env.DUBAN_DATA_DIR;
    expect(existsSync(join(repoRoot(), 'nx.json'))).toBe(true);
    expect(defaultDataDir()).toBe(join(repoRoot(), '.data'));
  });

  it('honours DUBAN_CACHE_DIR and DUBAN_DATA_DIR', () => {
    process.env.DUBAN_CACHE_DIR = '/somewhere/cache';
    process.env.DUBAN_DATA_DIR = '/somewhere/data';
    expect(dubanCacheDir()).toBe('/somewhere/cache');
    expect(defaultDataDir()).toBe('/somewhere/data');
    expect(javaTestServerDir()).toBe('/somewhere/cache/java-test-server-1.38.0');
  });
});

describe('ports', () => {
  it('rejects a port that is held, naming the port, the service and the setting', async () => {
    const { port, server } = await holdPort();
    try {
      await expect(assertPortFree(port, 'Temporal frontend', 'TEMPORAL_PORT')).rejects.toThrow(
        `Port ${port} (Temporal frontend) is already in use: stop whatever holds it or set TEMPORAL_PORT`,
      );
    } finally {
      server.close();
    }
  });

  it('accepts a free port, and findFreePort returns a bindable port', async () => {
    const port = await findFreePort();
    expect(port).toBeGreaterThan(0);
    await expect(assertPortFree(port, 'test')).resolves.toBeUndefined();
  });
});

describe('resolveTemporalCli', () => {
  it('fails clearly when TEMPORAL_CLI points at a missing file', async () => {
    process.env.TEMPORAL_CLI = '/nonexistent/temporal';
    await expect(resolveTemporalCli()).rejects.toThrow(/TEMPORAL_CLI=\/nonexistent\/temporal does not exist/);
  });

  it('returns TEMPORAL_CLI when it is an executable file', async () => {
    const dir = tempDir('duban-cli-');
    const fake = join(dir, 'temporal');
    writeFileSync(fake, '#!/bin/sh\n', { mode: 0o755 });
    process.env.TEMPORAL_CLI = fake;
    try {
      await expect(resolveTemporalCli()).resolves.toBe(fake);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('startEmbeddedPostgres', () => {
  it('clears a stale lock, refuses a second server on the same dir, and does not re-initialise', async () => {
    // Deliberately a 0700 mkdtemp dir, as test setups make: it must be made traversable for "postgres".
    const root = mkdtempSync(join(tmpdir(), 'duban-pg-'));
    const dataDir = join(root, 'postgres');
    const logs: string[] = [];
    const log = (m: string) => logs.push(m);
    try {
      const port = await findFreePort();
      const first = await startEmbeddedPostgres({ dataDir, port, log });
      await first.stop();
      expect(logs.some((l) => l.startsWith('Initialising'))).toBe(true);

      // A lock left by a dead postmaster must not block the next start.
      writeFileSync(join(dataDir, 'postmaster.pid'), `999999\n${dataDir}\n`);
      logs.length = 0;
      const pg = await startEmbeddedPostgres({ dataDir, port, log });
      try {
        expect(logs.some((l) => l.includes('Removing stale PostgreSQL lock'))).toBe(true);
        expect(logs.some((l) => l.startsWith('Initialising'))).toBe(false);
        expect(pg.url).toBe(`postgres://postgres:postgres@127.0.0.1:${port}/duban`);
        const client = new Client({ connectionString: pg.url });
        await client.connect();
        const { rows } = await client.query('select 1 as one, current_database() as db');
        await client.end();
        expect(rows[0]).toEqual({ one: 1, db: 'duban' });

        // A live postmaster on the same dir: a message saying which pid to stop.
        await expect(startEmbeddedPostgres({ dataDir, port: await findFreePort() })).rejects.toThrow(
          /PostgreSQL is already running on .* \(pid \d+.*kill \d+/,
        );
      } finally {
        await pg.stop();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});

// Real servers, only when their binaries are already cached (never build during unit tests).
const cliAvailable = Boolean(process.env.TEMPORAL_CLI) || existsSync(cachedTemporalCliPath());
describe.skipIf(!cliAvailable)('startTemporalDevServer', () => {
  it('starts headless on a free port with every Duban search attribute registered', async () => {
    const dataDir = tempDir('duban-temporal-');
    const server = await startTemporalDevServer({
      cliPath: await resolveTemporalCli(),
      dataDir,
      port: await findFreePort(),
      uiPort: 0,
      namespace: 'duban',
    });
    try {
      expect(server.uiUrl).toBe('');
      const connection = await Connection.connect({ address: server.address });
      try {
        const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace: 'duban' });
        for (const key of customSearchAttributes) expect(Object.keys(customAttributes)).toContain(key.name);
      } finally {
        await connection.close();
      }
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});

const javaWrapper = join(javaTestServerDir(), 'test-server');
describe.skipIf(!existsSync(javaWrapper))('Java test server wrapper', () => {
  it('skips 30 days of server time in well under a second of real time', async () => {
    const env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: javaWrapper } },
    });
    try {
      const before = await env.currentTimeMs();
      const started = Date.now();
      await env.sleep('30 days');
      expect(Date.now() - started).toBeLessThan(5_000);
      expect((await env.currentTimeMs()) - before).toBeGreaterThanOrEqual(30 * 86_400_000);
    } finally {
      await env.teardown();
    }
  }, 60_000);
});
