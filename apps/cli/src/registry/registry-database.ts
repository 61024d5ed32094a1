import { DataSource } from 'typeorm';
import type { Actor } from '@duban/domain';
import { dubanDataSourceOptions } from '@duban/persistence';
import { PgRegistryImportStore, type ImportChange, type RegistryImportStore } from '@duban/registry-import';
import { requireEnv, type CliIo } from '../cli-io';

/** The operator named by --actor, recorded on every version as the office (安委会办公室) acting through the CLI. */
export function operatorActor(name: string): Actor {
  return { id: `cli:${name}`, name, role: 'office' };
}

/**
 * The registry in PostgreSQL at DATABASE_URL, for one command. The schema must be current (the
 * API and worker apply the migrations when they start); the CLI does not change it.
 */
export async function openRegistryDatabase(io: CliIo, change: ImportChange): Promise<{ store: RegistryImportStore; close: () => Promise<void> }> {
  const url = requireEnv(io, 'DATABASE_URL', 'the PostgreSQL connection URL (postgres://user:password@host:port/database)');
  const dataSource = new DataSource(dubanDataSourceOptions(url, { poolSize: 2, applicationName: 'duban-cli' }));
  await dataSource.initialize();
  return { store: new PgRegistryImportStore(dataSource, change), close: () => dataSource.destroy() };
}
