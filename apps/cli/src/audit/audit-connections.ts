import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { CampaignLedgerReader, dubanDataSourceOptions, HazardLedgerReader } from '@duban/persistence';
import { temporalTlsFromEnv } from '@duban/temporal-client';
import type { CampaignTreeReaders } from '@duban/audit';
import { requireEnv, type CliIo } from '../cli-io';

/** A Temporal client at TEMPORAL_ADDRESS (namespace TEMPORAL_NAMESPACE, default `default`; TLS from TEMPORAL_TLS_*), as the API and worker reach it. */
export async function openTemporal(io: CliIo): Promise<{ client: Client; close: () => Promise<void> }> {
  const address = requireEnv(io, 'TEMPORAL_ADDRESS', 'the Temporal frontend (host:port)');
  const connection = await Connection.connect({ address, tls: temporalTlsFromEnv(io.env) });
  const client = new Client({ connection, namespace: io.env.TEMPORAL_NAMESPACE?.trim() || 'default' });
  return { client, close: () => connection.close() };
}

/** The campaign and hazard ledgers at DATABASE_URL, read only (a campaign's tree of workflows, a hazard's ledger events). */
export async function openLedgers(
  io: CliIo,
): Promise<{ readers: CampaignTreeReaders & { hazards: HazardLedgerReader }; close: () => Promise<void> }> {
  const url = requireEnv(io, 'DATABASE_URL', 'the PostgreSQL connection URL (postgres://user:password@host:port/database)');
  const dataSource = new DataSource(dubanDataSourceOptions(url, { poolSize: 2, applicationName: 'duban-cli' }));
  await dataSource.initialize();
  return {
    readers: { campaigns: new CampaignLedgerReader(dataSource), hazards: new HazardLedgerReader(dataSource) },
    close: () => dataSource.destroy(),
  };
}
