import { Client, Connection } from '@temporalio/client';
import path from 'node:path';
import { DataSource } from 'typeorm';
import {
  AccidentLedgerReader,
  AccidentRecordReader,
  CampaignLedgerReader,
  CovertInspectionLedgerReader,
  dubanDataSourceOptions,
  EnforcementLedgerReader,
  HazardLedgerReader,
  LocalDiskEvidenceStore,
  TipOffLedgerReader,
} from '@duban/persistence';
import { temporalTlsFromEnv } from '@duban/temporal-client';
import type { AuditLedgers } from '@duban/audit';
import { requireEnv, type CliIo } from '../cli-io';

/** A Temporal client at TEMPORAL_ADDRESS (namespace TEMPORAL_NAMESPACE, default `default`; TLS from TEMPORAL_TLS_*), as the API and worker reach it. */
export async function openTemporal(io: CliIo): Promise<{ client: Client; close: () => Promise<void> }> {
  const address = requireEnv(io, 'TEMPORAL_ADDRESS', 'the Temporal frontend (host:port)');
  const connection = await Connection.connect({ address, tls: temporalTlsFromEnv(io.env) });
  const client = new Client({ connection, namespace: io.env.TEMPORAL_NAMESPACE?.trim() || 'default' });
  return { client, close: () => connection.close() };
}

/**
 * The ledgers at DATABASE_URL, read only (a subject's workflows and their ledger events), and the
 * evidence files where the API keeps them: `<DUBAN_DATA_DIR>/evidence` (DUBAN_DATA_DIR default
 * `.data` in the working directory, as the API's).
 */
export async function openLedgers(io: CliIo): Promise<{ readers: AuditLedgers; close: () => Promise<void> }> {
  const url = requireEnv(io, 'DATABASE_URL', 'the PostgreSQL connection URL (postgres://user:password@host:port/database)');
  const dataSource = new DataSource(dubanDataSourceOptions(url, { poolSize: 2, applicationName: 'duban-cli' }));
  await dataSource.initialize();
  return {
    readers: {
      campaigns: new CampaignLedgerReader(dataSource),
      hazards: new HazardLedgerReader(dataSource),
      accidents: new AccidentLedgerReader(dataSource),
      enforcement: new EnforcementLedgerReader(dataSource),
      tipOffs: new TipOffLedgerReader(dataSource),
      covertInspections: new CovertInspectionLedgerReader(dataSource),
      accidentRecord: new AccidentRecordReader(dataSource),
      evidence: new LocalDiskEvidenceStore(path.join(io.env.DUBAN_DATA_DIR?.trim() || '.data', 'evidence')),
    },
    close: () => dataSource.destroy(),
  };
}
