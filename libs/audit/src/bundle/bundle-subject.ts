import type { AccidentLedgerReader, CampaignLedgerReader, EnforcementLedgerReader, EvidenceStore, HazardLedgerReader } from '@duban/persistence';
import type { AuditedEvent } from './audited-event';
import type { BundleSubjectKind } from './bundle-manifest';

/** The ledgers an export reads (read only), and the evidence store the API keeps files in. */
export interface AuditLedgers {
  campaigns: Pick<CampaignLedgerReader, 'get' | 'loadRosterPage' | 'events' | 'campaignIdsOfUnit'>;
  hazards: Pick<HazardLedgerReader, 'get' | 'list' | 'events'>;
  accidents: Pick<AccidentLedgerReader, 'get' | 'list' | 'events'>;
  enforcement: Pick<EnforcementLedgerReader, 'list' | 'events'>;
  evidence: Pick<EvidenceStore, 'open'>;
}

/** One workflow of a bundle: its id, its timeline section's title, its event labels, and how to read its ledger events. */
export interface ExportedWorkflow {
  workflowId: string;
  title: string;
  labels: Readonly<Record<string, string>>;
  ledgerEvents(): Promise<AuditedEvent[]>;
}

/** What an export is about, resolved: the workflows it holds, in timeline order, under one heading. */
export interface BundleSubject {
  kind: BundleSubjectKind;
  id: string;
  heading: string;
  workflows: ExportedWorkflow[];
}

/** The subject asked for is not in the ledgers (no such hazard, campaign, unit or accident). */
export class BundleSubjectNotFound extends Error {
  constructor(
    readonly kind: BundleSubjectKind,
    readonly id: string,
  ) {
    super(`no ${kind} ${id} in the ledgers`);
    this.name = 'BundleSubjectNotFound';
  }
}
