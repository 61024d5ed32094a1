import type { DataSource } from 'typeorm';
import { covertInspectionWorkflowId, type CovertInspectionEvent, type CovertInspectionState } from '@duban/domain';
import type { ColumnValues, PropertyOf } from '../sql/entity-table';
import { eventLogAppender } from '../events/event-log-appender';
import { versionedRowUpsert } from '../events/versioned-row-upsert';
import { CovertInspectionEventRecord } from './covert-inspection-event-record.entity';
import { CovertInspectionLedgerEntry } from './covert-inspection-ledger-entry.entity';

export interface CovertInspectionLedgerRecordInput {
  /** Events to append; may repeat ones already recorded (retries) or be empty. */
  events: CovertInspectionEvent[];
  /** The state after those events (its `lastSeq` is the ledger row's version). */
  state: CovertInspectionState;
}

const LEDGER_DB_FILLED = ['updatedAt'] as const;
type LedgerValues = ColumnValues<CovertInspectionLedgerEntry, Exclude<PropertyOf<CovertInspectionLedgerEntry>, (typeof LEDGER_DB_FILLED)[number]>>;

const appendEvents = eventLogAppender(CovertInspectionEventRecord, ['inspectionId']);
const upsertLedger = versionedRowUpsert(CovertInspectionLedgerEntry, ['inspectionId'], LEDGER_DB_FILLED);

/**
 * Writes a covert inspection's new events and its ledger row in one transaction, from a Temporal
 * activity (at-least-once, possibly reordered): events are keyed by (inspection_id, seq),
 * re-recorded unchanged as a no-op (eventLogAppender); the row only moves forward in `version`.
 */
export class CovertInspectionLedgerWriter {
  constructor(private readonly dataSource: DataSource) {}

  async record(input: CovertInspectionLedgerRecordInput): Promise<void> {
    const { events, state } = input;
    for (const event of events) {
      if (event.inspectionId !== state.inspectionId)
        throw new Error(`CovertInspectionLedgerWriter: event seq ${event.seq} belongs to ${event.inspectionId}, not ${state.inspectionId}`);
      if (!Number.isInteger(event.seq) || event.seq < 1 || event.seq > state.lastSeq)
        throw new Error(
          `CovertInspectionLedgerWriter: event seq ${event.seq} of ${state.inspectionId} is outside 1..${state.lastSeq} (state.lastSeq)`,
        );
    }
    await this.dataSource.transaction(async (manager) => {
      await appendEvents(manager, { inspectionId: state.inspectionId }, events);
      await upsertLedger(manager, ledgerValues(state));
    });
  }
}

/** The ledger row, derived from the snapshot (also reconciliation's expected row). */
export function ledgerValues(state: CovertInspectionState): LedgerValues {
  const { plan, sample } = state;
  const regionOf = new Map(plan.candidates.map((c) => [c.unitId, c.regionId]));
  const feedback = state.orders.flatMap((o) => o.feedback);
  const open = feedback.filter((f) => !f.acknowledged && !f.overdue);
  const nextDue = open.map((f) => f.due).sort()[0];
  return {
    inspectionId: state.inspectionId,
    workflowId: covertInspectionWorkflowId(state.inspectionId),
    title: plan.title,
    status: state.status,
    regionId: plan.regionId,
    sampledRegionIds: [...new Set(sample.unitIds.map((u) => regionOf.get(u) ?? plan.regionId))].sort(),
    sampledUnitIds: sample.unitIds,
    leaderAccountId: plan.leader.accountId,
    leaderName: plan.leader.name,
    teamAccountIds: [plan.leader, ...plan.members].map((m) => m.accountId),
    seed: sample.seed,
    stratifyBy: sample.stratifyBy,
    candidateCount: plan.candidates.length,
    sampleSize: sample.unitIds.length,
    findingCount: state.findings.length,
    majorFindingCount: state.findings.filter((f) => f.grade === 'major').length,
    orderCount: state.orders.length,
    openFeedbackCount: open.length,
    overdueFeedbackCount: feedback.filter((f) => f.overdue).length,
    listedMajorHazardCount: state.listed.length,
    nextFeedbackDue: nextDue ?? null,
    plannedAt: state.plannedAt,
    plannedById: state.plannedBy.id,
    plannedByName: state.plannedBy.name,
    plannedByRole: state.plannedBy.role,
    completedAt: state.completed?.at ?? null,
    version: state.lastSeq,
    state,
  };
}
