import type { DataSource } from 'typeorm';
import { hazardWorkflowId, type HazardEvent, type HazardState } from '@duban/domain';
import type { ColumnValues, PropertyOf } from '../sql/entity-table';
import { eventLogAppender } from '../events/event-log-appender';
import { versionedRowUpsert } from '../events/versioned-row-upsert';
import { HazardEventRecord } from './hazard-event-record.entity';
import { HazardLedgerEntry } from './hazard-ledger-entry.entity';

export interface HazardLedgerRecordInput {
  /** Events to append; may repeat ones already recorded (retries) or be empty. */
  events: HazardEvent[];
  /** The state after those events (its `lastSeq` is the ledger row's version). */
  state: HazardState;
  /** Default `hazard-<hazardId>`, the id the hazard workflow runs under. */
  workflowId?: string;
}

// Columns the database fills itself.
const LEDGER_DB_FILLED = ['updatedAt'] as const;
type LedgerValues = ColumnValues<HazardLedgerEntry, Exclude<PropertyOf<HazardLedgerEntry>, (typeof LEDGER_DB_FILLED)[number]>>;

const appendEvents = eventLogAppender(HazardEventRecord, ['hazardId']);
const upsertLedger = versionedRowUpsert(HazardLedgerEntry, ['hazardId'], LEDGER_DB_FILLED);

/**
 * Writes a hazard's new events and its ledger row in one transaction. Called from a Temporal
 * activity, so it must tolerate at-least-once delivery and reordering: events are keyed by
 * (hazard_id, seq), re-recorded unchanged as a no-op (eventLogAppender); the row only moves forward in `version`, so a
 * late, older snapshot cannot overwrite a newer one.
 */
export class HazardLedgerWriter {
  constructor(private readonly dataSource: DataSource) {}

  async record(input: HazardLedgerRecordInput): Promise<void> {
    const { events, state } = input;
    // A mismatched batch is a caller bug: refuse it before anything is written.
    for (const event of events) {
      if (event.hazardId !== state.hazardId) {
        throw new Error(`HazardLedgerWriter: event seq ${event.seq} belongs to hazard ${event.hazardId}, not ${state.hazardId}`);
      }
      if (!Number.isInteger(event.seq) || event.seq < 1 || event.seq > state.lastSeq) {
        throw new Error(`HazardLedgerWriter: event seq ${event.seq} of hazard ${state.hazardId} is outside 1..${state.lastSeq} (state.lastSeq)`);
      }
    }
    const workflowId = input.workflowId ?? hazardWorkflowId(state.hazardId);
    await this.dataSource.transaction(async (manager) => {
      await appendEvents(manager, { hazardId: state.hazardId }, events);
      await upsertLedger(manager, ledgerValues(state, workflowId));
    });
  }
}

/** The ledger row, derived from the snapshot (also reconciliation's expected row). */
export function ledgerValues(state: HazardState, workflowId: string): LedgerValues {
  const { report, reportedBy } = state;
  const lastEscalation = state.escalations.at(-1);
  return {
    hazardId: state.hazardId,
    workflowId,
    title: report.title,
    description: report.description,
    location: report.location,
    industry: report.industry,
    unitId: report.unitId,
    grade: report.grade,
    source: report.source,
    finder: report.finder,
    status: state.status,
    deadline: state.deadline,
    originalDeadline: report.deadline,
    reportedAt: state.reportedAt,
    reportedById: reportedBy.id,
    reportedByName: reportedBy.name,
    reportedByRole: reportedBy.role,
    campaignId: report.campaignId ?? null,
    overdue: state.overdue,
    listedForSupervision: state.listedForSupervision,
    listingLevel: state.listing?.level ?? null,
    listingRegionId: state.listing?.regionId ?? null,
    listingTrackerName: state.listing?.tracker?.name ?? null,
    listingTrackerUnitId: state.listing?.tracker?.unitId ?? null,
    listedAt: state.listing?.listedAt ?? null,
    delistedAt: state.listing?.delisted?.at ?? null,
    // Monitoring ends with the sign-off even though the snapshot keeps its record.
    underMonitoring: !!state.monitoring && state.status !== 'signed_off',
    extensionsGranted: state.extensionsGranted,
    rejectionCount: state.rejectionCount,
    lastEscalationInstrument: lastEscalation?.instrument ?? null,
    lastEscalatedAt: lastEscalation?.at ?? null,
    signedOffAt: state.signedOff?.at ?? null,
    policyId: state.policy.id,
    version: state.lastSeq,
    state,
  };
}
