import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { exportBundle, type AuditLedgers, type BundleSubjectKind, type ExportedBundle } from '@duban/audit';
import {
  AccidentLedgerReader,
  AccidentRecordReader,
  CampaignLedgerReader,
  CovertInspectionLedgerReader,
  EnforcementLedgerReader,
  HazardLedgerReader,
  TipOffLedgerReader,
  type EvidenceStore,
} from '@duban/persistence';
import { TEMPORAL_CLIENT } from '@duban/temporal-client';
import { AUDIT_SIGNING_KEY, CLOCK } from '../config/api-config.tokens';
import { EVIDENCE_STORE } from '../evidence/evidence-store.provider';

/**
 * Writes a subject's bundle with the code `duban export` runs (libs/audit's exportBundle), from
 * the API's own Temporal client, ledgers and evidence store, signed with the office's key when
 * the API has one (DUBAN_AUDIT_SIGNING_KEY_FILE).
 */
@Injectable()
export class AuditBundleExporter {
  private readonly ledgers: AuditLedgers;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(AUDIT_SIGNING_KEY) private readonly signingKeyPem: string | undefined,
    @Inject(CLOCK) private readonly now: () => Date,
    @Inject(EVIDENCE_STORE) evidence: EvidenceStore,
    campaigns: CampaignLedgerReader,
    hazards: HazardLedgerReader,
    accidents: AccidentLedgerReader,
    enforcement: EnforcementLedgerReader,
    tipOffs: TipOffLedgerReader,
    covertInspections: CovertInspectionLedgerReader,
    accidentRecord: AccidentRecordReader,
  ) {
    this.ledgers = { campaigns, hazards, accidents, enforcement, tipOffs, covertInspections, accidentRecord, evidence };
  }

  get signs(): boolean {
    return this.signingKeyPem !== undefined;
  }

  /** The bundle of `kind` `id` written into `dir`; BundleSubjectNotFound when the ledgers know no such subject. */
  export(subject: { kind: BundleSubjectKind; id: string }, dir: string, exportedBy: string): Promise<ExportedBundle> {
    return exportBundle({ client: this.client, ledgers: this.ledgers }, subject, {
      dir,
      exportedBy,
      signingKeyPem: this.signingKeyPem,
      now: this.now(),
    });
  }
}
