import type { DataSource } from 'typeorm';
import { tipOffWorkflowId, type TipOffEvent, type TipOffState } from '@duban/domain';
import type { ColumnValues, PropertyOf } from '../sql/entity-table';
import { eventLogAppender } from '../events/event-log-appender';
import { versionedRowUpsert } from '../events/versioned-row-upsert';
import { TipOffEventRecord } from './tip-off-event-record.entity';
import { TipOffLedgerEntry } from './tip-off-ledger-entry.entity';

export interface TipOffLedgerRecordInput {
  /** Events to append; may repeat ones already recorded (retries) or be empty. */
  events: TipOffEvent[];
  /** The state after those events (its `lastSeq` is the ledger row's version). */
  state: TipOffState;
}

const LEDGER_DB_FILLED = ['updatedAt'] as const;
type LedgerValues = ColumnValues<TipOffLedgerEntry, Exclude<PropertyOf<TipOffLedgerEntry>, (typeof LEDGER_DB_FILLED)[number]>>;

const appendEvents = eventLogAppender(TipOffEventRecord, ['tipOffId']);
const upsertLedger = versionedRowUpsert(TipOffLedgerEntry, ['tipOffId'], LEDGER_DB_FILLED);

/**
 * Writes a tip-off's new events and its ledger row in one transaction, from a Temporal activity
 * (at-least-once, possibly reordered): events are keyed by (tip_off_id, seq), re-recorded unchanged
 * as a no-op (eventLogAppender); the row only moves forward in `version`.
 */
export class TipOffLedgerWriter {
  constructor(private readonly dataSource: DataSource) {}

  async record(input: TipOffLedgerRecordInput): Promise<void> {
    const { events, state } = input;
    for (const event of events) {
      if (event.tipOffId !== state.tipOffId)
        throw new Error(`TipOffLedgerWriter: event seq ${event.seq} belongs to tip-off ${event.tipOffId}, not ${state.tipOffId}`);
      if (!Number.isInteger(event.seq) || event.seq < 1 || event.seq > state.lastSeq)
        throw new Error(`TipOffLedgerWriter: event seq ${event.seq} of tip-off ${state.tipOffId} is outside 1..${state.lastSeq} (state.lastSeq)`);
    }
    await this.dataSource.transaction(async (manager) => {
      await appendEvents(manager, { tipOffId: state.tipOffId }, events);
      await upsertLedger(manager, ledgerValues(state));
    });
  }
}

/** The ledger row, derived from the snapshot (also reconciliation's expected row). */
export function ledgerValues(state: TipOffState): LedgerValues {
  const { tip, receivedBy, accident } = state;
  return {
    tipOffId: state.tipOffId,
    workflowId: tipOffWorkflowId(state.tipOffId),
    channel: tip.channel,
    informant: tip.informant,
    receivedAt: tip.receivedAt,
    regionId: tip.regionId,
    unitId: tip.unitId ?? null,
    receivedById: receivedBy.id,
    receivedByName: receivedBy.name,
    receivedByRole: receivedBy.role,
    status: state.status,
    deadline: state.deadline,
    overdue: state.overdue,
    verifiedAt: state.verification?.verifiedAt ?? null,
    verifiedOnTime: state.verifiedOnTime ?? null,
    accidentId: accident?.accidentId ?? null,
    accidentLink: accident?.kind ?? null,
    accidentLinkedAt: accident?.linkedAt ?? null,
    concealed: accident?.concealment?.includes('concealment') ?? false,
    falselyReported: accident?.concealment?.includes('false_report') ?? false,
    version: state.lastSeq,
    state,
  };
}
