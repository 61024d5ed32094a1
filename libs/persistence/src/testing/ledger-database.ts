import { DataSource } from 'typeorm';
import { afterAll, beforeAll, inject } from 'vitest';
import { dubanDataSourceOptions, runMigrations } from '../data-source';
import { ScratchDatabases } from './scratch-databases';

export interface LedgerDatabase {
  /** The scratch database's URL (migrated). */
  readonly url: string;
  readonly dataSource: DataSource;
  /** `SELECT count(*) FROM <from>`: `from` is a table and its WHERE clause. */
  count(from: string, params?: unknown[]): Promise<number>;
}

/**
 * Registers hooks that give the spec file its own migrated scratch database on the suite's
 * PostgreSQL and drop it afterwards. Read the fields inside tests and hooks (they are set in beforeAll).
 */
export function useLedgerDatabase(prefix: string): LedgerDatabase {
  const databases = new ScratchDatabases(inject('databaseUrl'));
  const db = { url: '', dataSource: undefined as unknown as DataSource } as { url: string; dataSource: DataSource };
  beforeAll(async () => {
    db.url = await databases.create(prefix);
    await runMigrations(db.url);
    db.dataSource = await new DataSource(dubanDataSourceOptions(db.url, { poolSize: 4 })).initialize();
  }, 120_000);
  afterAll(async () => {
    if (db.dataSource?.isInitialized) await db.dataSource.destroy();
    await databases.dropAll();
  }, 60_000);
  return {
    get url() {
      return db.url;
    },
    get dataSource() {
      return db.dataSource;
    },
    async count(from, params = []) {
      return (await db.dataSource.query(`SELECT count(*)::int AS n FROM ${from}`, params))[0].n;
    },
  };
}
