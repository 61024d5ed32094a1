import type { DataSource } from 'typeorm';
import { accidentWorkflowId, FOUR_GATES, type AccidentEvent, type AccidentState } from '@duban/domain';
import type { ColumnValues, PropertyOf } from '../sql/entity-table';
import { eventLogAppender } from '../events/event-log-appender';
import { versionedRowUpsert } from '../events/versioned-row-upsert';
import { AccidentEventRecord } from './accident-event-record.entity';
import { AccidentLedgerEntry } from './accident-ledger-entry.entity';
import { upsertRectificationLinks } from './accident-rectification-links';

export interface AccidentLedgerRecordInput {
  /** Events to append; may repeat ones already recorded (retries) or be empty. */
  events: AccidentEvent[];
  /** The state after those events (its `lastSeq` is the ledger row's version). */
  state: AccidentState;
}

const LEDGER_DB_FILLED = ['updatedAt'] as const;
type LedgerValues = ColumnValues<AccidentLedgerEntry, Exclude<PropertyOf<AccidentLedgerEntry>, (typeof LEDGER_DB_FILLED)[number]>>;

const appendEvents = eventLogAppender(AccidentEventRecord, ['accidentId']);
const upsertLedger = versionedRowUpsert(AccidentLedgerEntry, ['accidentId'], LEDGER_DB_FILLED);

/**
 * Writes an accident's new events and its ledger row in one transaction, from a Temporal
 * activity (at-least-once, possibly reordered): events are keyed by (accident_id, seq),
 * re-recorded unchanged as a no-op (eventLogAppender); the row (and its rectification links) only moves forward in `version`.
 */
export class AccidentLedgerWriter {
  constructor(private readonly dataSource: DataSource) {}

  async record(input: AccidentLedgerRecordInput): Promise<void> {
    const { events, state } = input;
    for (const event of events) {
      if (event.accidentId !== state.accidentId)
        throw new Error(`AccidentLedgerWriter: event seq ${event.seq} belongs to accident ${event.accidentId}, not ${state.accidentId}`);
      if (!Number.isInteger(event.seq) || event.seq < 1 || event.seq > state.lastSeq)
        throw new Error(
          `AccidentLedgerWriter: event seq ${event.seq} of accident ${state.accidentId} is outside 1..${state.lastSeq} (state.lastSeq)`,
        );
    }
    await this.dataSource.transaction(async (manager) => {
      await appendEvents(manager, { accidentId: state.accidentId }, events);
      await upsertLedger(manager, ledgerValues(state));
      await upsertRectificationLinks(manager, state);
    });
  }
}

/** The ledger row, derived from the snapshot (also reconciliation's expected row). */
export function ledgerValues(state: AccidentState): LedgerValues {
  const { report, recordedBy, casualties } = state;
  const investigation = state.investigation;
  return {
    accidentId: state.accidentId,
    workflowId: accidentWorkflowId(state.accidentId),
    unitId: report.unitId,
    regionId: report.regionId,
    industry: report.industry,
    sector: report.sector,
    kind: report.kind,
    grade: state.grade,
    occurredAt: report.occurredAt,
    recordedAt: state.recordedAt,
    recordedById: recordedBy.id,
    recordedByName: recordedBy.name,
    recordedByRole: recordedBy.role,
    openedFrom: state.openedFrom,
    deaths: casualties.deaths,
    missing: casualties.missing,
    seriousInjuries: casualties.seriousInjuries,
    directLossYuan: String(casualties.directLossYuan),
    concealmentFlags: state.concealment.length,
    investigationStatus: investigation?.status ?? null,
    investigationLevel: investigation?.level ?? null,
    reportDue: investigation?.reportDue ?? null,
    reportOverdue: investigation?.overdue ?? false,
    listedByLevel: investigation?.listing?.committeeLevel ?? null,
    openGates: investigation ? FOUR_GATES.filter((gate) => !investigation.gates[gate].closed).length : null,
    closedAt: investigation?.closed?.at ?? null,
    campaignId: report.campaignId ?? null,
    policyId: state.policy.id,
    version: state.lastSeq,
    state,
  };
}
