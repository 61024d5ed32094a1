import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect, afterEach } from 'vitest';
import { startJavaTestServer } from '../support/time-skipping-env';
import { assertPortFree, defaultDataDir, dubanCacheDir, findFreePort, javaTestServerDir, repoRoot, resolveTemporalCli } from '../../infra/src';

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

const javaWrapper = join(javaTestServerDir(), 'test-server');
describe.skipIf(!existsSync(javaWrapper))('Java test server wrapper', () => {
  it('skips 30 days of server time in well under a second of real time', async () => {
    const env = await startJavaTestServer(javaWrapper);
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
