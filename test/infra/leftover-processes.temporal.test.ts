import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Client } from 'pg';
import { Connection } from '@temporalio/client';
import { findFreePort, resolveTemporalCli, startEmbeddedPostgres, startTemporalDevServer } from '../../infra/src';
import { stopLeftovers } from '../../infra/src/leftovers';
import { isPidAlive } from '../../infra/src/process-utils';
import { dataDirProcesses } from '../../infra/src/supervisor/data-dir-processes';
import { customSearchAttributes } from '../../workflows/src/search-attributes';

/** A data dir "postgres" can enter (mkdtemp makes 0700 ones). */
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

describe('startTemporalDevServer', () => {
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

  it('fails with a message naming the CLI when it cannot be run, never an unhandled error event', async () => {
    const dataDir = tempDir('duban-temporal-');
    const notExecutable = join(dataDir, 'temporal');
    writeFileSync(notExecutable, 'not a program', { mode: 0o644 });
    try {
      await expect(startTemporalDevServer({ cliPath: notExecutable, dataDir, port: await findFreePort(), uiPort: 0 })).rejects.toThrow(
        `the Temporal CLI: ${notExecutable} does not exist or is not executable`,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('what a killed run left on its data dir', () => {
  it('is stopped by pid file, each checked to be that process on that dir; an unrelated process holding a recorded pid is left alone', async () => {
    const dataDir = tempDir('duban-leftovers-');
    // An unrelated process whose pid sits in api.pid (pid reuse): never signalled.
    const stranger = spawn('sleep', ['300'], { stdio: 'ignore' });
    try {
      const temporal = await startTemporalDevServer({
        cliPath: await resolveTemporalCli(),
        dataDir: join(dataDir, 'temporal'),
        port: await findFreePort(),
        uiPort: 0,
      });
      const pg = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port: await findFreePort() });
      const client = new Client({ connectionString: pg.url });
      await client.connect();
      await client.query('create table acknowledged (id int primary key); insert into acknowledged select generate_series(1, 77)');
      await client.end();
      writeFileSync(join(dataDir, 'api.pid'), `${stranger.pid}\n`);

      const logs: string[] = [];
      const outcomes = await stopLeftovers(dataDirProcesses(dataDir), (m) => logs.push(m));

      expect(outcomes).toEqual([
        { what: 'the API', pid: stranger.pid, outcome: 'not ours' },
        { what: 'the Temporal dev server', pid: temporal.pid, outcome: 'stopped' },
        { what: 'PostgreSQL', pid: pg.pid, outcome: 'stopped' },
      ]);
      expect(logs).toEqual([
        `Stopped the Temporal dev server (pid ${temporal.pid}) left running by an earlier run`,
        `Stopped PostgreSQL (pid ${pg.pid}) left running by an earlier run`,
      ]);
      expect([isPidAlive(temporal.pid), isPidAlive(pg.pid), isPidAlive(stranger.pid!)]).toEqual([false, false, true]);
      expect(existsSync(join(dataDir, 'api.pid'))).toBe(false);
      await Promise.all([temporal.stop(), pg.stop()]); // releases the handles; the processes are gone already

      // Both start again on the same dir, the committed rows intact.
      const temporalAgain = await startTemporalDevServer({
        cliPath: await resolveTemporalCli(),
        dataDir: join(dataDir, 'temporal'),
        port: await findFreePort(),
        uiPort: 0,
      });
      const pgAgain = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port: await findFreePort() });
      try {
        const again = new Client({ connectionString: pgAgain.url });
        await again.connect();
        expect((await again.query('select count(*)::int as n from acknowledged')).rows).toEqual([{ n: 77 }]);
        await again.end();
      } finally {
        await pgAgain.stop();
        await temporalAgain.stop();
      }
    } finally {
      stranger.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
