import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import {
  AccidentLedgerReader,
  AccidentRecordReader,
  CampaignLedgerReader,
  CovertInspectionLedgerReader,
  EnforcementLedgerReader,
  HazardLedgerReader,
  LocalDiskEvidenceStore,
  TipOffLedgerReader,
} from '@duban/persistence';
import { loadAuditReplayBundle, replayCapturingProjections, type AuditLedgers } from '@duban/audit';
import type { WorkflowRun } from '../../libs/audit/src/workflow-histories';

/** The ledgers of the test's PostgreSQL, read as `duban export` reads them, and an evidence store in a fresh folder. */
export async function auditLedgers(dataSource: DataSource): Promise<AuditLedgers & { evidence: LocalDiskEvidenceStore }> {
  return {
    campaigns: new CampaignLedgerReader(dataSource),
    hazards: new HazardLedgerReader(dataSource),
    accidents: new AccidentLedgerReader(dataSource),
    enforcement: new EnforcementLedgerReader(dataSource),
    tipOffs: new TipOffLedgerReader(dataSource),
    covertInspections: new CovertInspectionLedgerReader(dataSource),
    accidentRecord: new AccidentRecordReader(dataSource),
    evidence: new LocalDiskEvidenceStore(await mkdtemp(path.join(tmpdir(), 'duban-evidence-'))),
  };
}

/** What `duban verify` replays with: the workflow code plus the projection interceptor (bundled once per test process). */
export const auditReplay = async (runs: WorkflowRun[]) => replayCapturingProjections(await loadAuditReplayBundle(), runs);
