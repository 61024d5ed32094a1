import type {
  AccidentLedgerReader,
  AccidentRecordReader,
  CampaignLedgerReader,
  CovertInspectionLedgerReader,
  EnforcementLedgerReader,
  EvidenceStore,
  HazardLedgerReader,
  TipOffLedgerReader,
} from '@duban/persistence';
import type { AuditedEvent } from './audited-event';
import type { BundleSubjectKind } from './bundle-manifest';

/** The ledgers an export reads (read only), and the evidence store the API keeps files in. */
export interface AuditLedgers {
  campaigns: Pick<CampaignLedgerReader, 'get' | 'loadRosterPage' | 'events' | 'campaignIdsOfUnit'>;
  hazards: Pick<HazardLedgerReader, 'get' | 'list' | 'events'>;
  accidents: Pick<AccidentLedgerReader, 'get' | 'list' | 'events'>;
  enforcement: Pick<EnforcementLedgerReader, 'get' | 'list' | 'events'>;
  tipOffs: Pick<TipOffLedgerReader, 'list' | 'events'>;
  covertInspections: Pick<CovertInspectionLedgerReader, 'list' | 'events'>;
  /** The accountability firings (问责) and the office's action each became. */
  accidentRecord: Pick<AccidentRecordReader, 'firing' | 'firingsOfAccident'>;
  evidence: Pick<EvidenceStore, 'open'>;
}

/**
 * One workflow of a bundle: its id, its timeline section's title, its event labels, and how to
 * read its ledger: its events, or — for a ledger that keeps a row and no events (an
 * accountability action's) — the row's state, which verify compares with the last state the
 * workflow recorded.
 */
export interface ExportedWorkflow {
  workflowId: string;
  title: string;
  labels: Readonly<Record<string, string>>;
  ledgerEvents(): Promise<AuditedEvent[]>;
  ledgerState?(): Promise<{ state: unknown; timeline: AuditedEvent[] }>;
}

/** What an export is about, resolved: the workflows it holds, in timeline order, under one heading. */
export interface BundleSubject {
  kind: BundleSubjectKind;
  id: string;
  heading: string;
  workflows: ExportedWorkflow[];
}

/** The subject asked for is not in the ledgers (no such hazard, campaign, unit, accident or enforcement case). */
export class BundleSubjectNotFound extends Error {
  constructor(
    readonly kind: BundleSubjectKind,
    readonly id: string,
  ) {
    super(`no ${kind === 'enforcement' ? 'enforcement case' : kind} ${id} in the ledgers`);
    this.name = 'BundleSubjectNotFound';
  }
}
