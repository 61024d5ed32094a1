import type { DataSource } from 'typeorm';
import { enforcementCaseWorkflowId, SUPERVISED_STATUSES, type EnforcementCaseState, type EnforcementEvent } from '@duban/domain';
import type { ColumnValues, PropertyOf } from '../sql/entity-table';
import { eventLogAppender } from '../events/event-log-appender';
import { versionedRowUpsert } from '../events/versioned-row-upsert';
import { EnforcementCaseLedgerEntry } from './enforcement-case-ledger-entry.entity';
import { EnforcementEventRecord } from './enforcement-event-record.entity';

export interface EnforcementLedgerRecordInput {
  /** Events to append; may repeat ones already recorded (retries) or be empty. */
  events: EnforcementEvent[];
  /** The state after those events (its `lastSeq` is the ledger row's version). */
  state: EnforcementCaseState;
}

const LEDGER_DB_FILLED = ['updatedAt'] as const;
type LedgerValues = ColumnValues<EnforcementCaseLedgerEntry, Exclude<PropertyOf<EnforcementCaseLedgerEntry>, (typeof LEDGER_DB_FILLED)[number]>>;

/** enforcement_event's own column beyond the shared ones (also reconciliation's expected event rows). */
export const enforcementEventColumns = (event: EnforcementEvent) => ({ legalBasis: event.legalBasis });

const appendEvents = eventLogAppender(EnforcementEventRecord, ['caseId'], enforcementEventColumns);
const upsertLedger = versionedRowUpsert(EnforcementCaseLedgerEntry, ['caseId'], LEDGER_DB_FILLED);

/**
 * Writes an enforcement case's new events and its ledger row in one transaction, from a Temporal
 * activity (at-least-once, possibly reordered): events are keyed by (case_id, seq), re-recorded
 * unchanged as a no-op (eventLogAppender); the row only moves forward in `version`.
 */
export class EnforcementLedgerWriter {
  constructor(private readonly dataSource: DataSource) {}

  async record(input: EnforcementLedgerRecordInput): Promise<void> {
    const { events, state } = input;
    for (const event of events) {
      if (event.caseId !== state.caseId)
        throw new Error(`EnforcementLedgerWriter: event seq ${event.seq} belongs to case ${event.caseId}, not ${state.caseId}`);
      if (!Number.isInteger(event.seq) || event.seq < 1 || event.seq > state.lastSeq)
        throw new Error(`EnforcementLedgerWriter: event seq ${event.seq} of case ${state.caseId} is outside 1..${state.lastSeq} (state.lastSeq)`);
    }
    await this.dataSource.transaction(async (manager) => {
      await appendEvents(manager, { caseId: state.caseId }, events);
      await upsertLedger(manager, ledgerValues(state));
    });
  }
}

/** The ledger row, derived from the snapshot (also reconciliation's expected row). */
export function ledgerValues(state: EnforcementCaseState): LedgerValues {
  const { suspension, referral, opened } = state;
  return {
    caseId: state.caseId,
    workflowId: enforcementCaseWorkflowId(state.caseId),
    unitId: state.unitId,
    regionId: state.regionId,
    industryId: state.industryId ?? null,
    origin: state.origin,
    sourceRef: state.sourceRef ?? null,
    status: state.status,
    suspensionStatus: suspension?.status ?? null,
    suspended: suspension !== undefined && SUPERVISED_STATUSES.has(suspension.status),
    suspendedAt: suspension?.imposed.at ?? null,
    resumedAt: suspension?.resumedAt ?? null,
    // Whole yuan (the domain refuses fractions); bigint, as pg reads it back, is text.
    fineTotalYuan: String(state.fines.reduce((total, f) => total + f.amountYuan, 0)),
    referred: referral !== undefined,
    referralOutcome: referral?.outcome?.outcome ?? null,
    closureImposed: state.closure !== undefined,
    criminal: state.criminal !== undefined,
    respondentCount: state.respondents.length,
    violationCount: state.violations.length,
    openedAt: opened.at,
    openedById: opened.by.id,
    openedByName: opened.by.name,
    openedByRole: opened.by.role,
    closedAt: state.closed?.at ?? null,
    nextCheckDue: suspension?.nextCheckDue ?? null,
    missedCheckCount: suspension?.missedChecks.length ?? 0,
    version: state.lastSeq,
    state,
  };
}
