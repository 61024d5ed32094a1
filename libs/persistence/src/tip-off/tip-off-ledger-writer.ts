import type { DataSource, EntityManager } from 'typeorm';
import { tipOffWorkflowId, type TipOffEvent, type TipOffState } from '@duban/domain';
import { batches, batchSize, bulkValues } from '../sql/bulk-values';
import {
  assignExcluded,
  columnNames,
  EntityTable,
  perDataSource,
  rowPlaceholders,
  without,
  type ColumnValues,
  type PropertyOf,
} from '../sql/entity-table';
import { ledgerEventValues } from '../events/ledger-event-columns';
import { TipOffEventRecord } from './tip-off-event-record.entity';
import { TipOffLedgerEntry } from './tip-off-ledger-entry.entity';

export interface TipOffLedgerRecordInput {
  /** Events to append; may repeat ones already recorded (retries) or be empty. */
  events: TipOffEvent[];
  /** The state after those events (its `lastSeq` is the ledger row's version). */
  state: TipOffState;
}

const LEDGER_DB_FILLED = ['updatedAt'] as const;
const EVENT_DB_FILLED = ['id', 'recordedAt'] as const;
type LedgerValues = ColumnValues<TipOffLedgerEntry, Exclude<PropertyOf<TipOffLedgerEntry>, (typeof LEDGER_DB_FILLED)[number]>>;
type EventValues = ColumnValues<TipOffEventRecord, Exclude<PropertyOf<TipOffEventRecord>, (typeof EVENT_DB_FILLED)[number]>>;

const statements = perDataSource((dataSource) => {
  const ledger = EntityTable.of(dataSource, TipOffLedgerEntry);
  const event = EntityTable.of(dataSource, TipOffEventRecord);
  const ledgerColumns = ledger.except(...LEDGER_DB_FILLED);
  const eventColumns = event.except(...EVENT_DB_FILLED);
  const insertEvents = `INSERT INTO ${event.name} (${columnNames(eventColumns)}) VALUES`;
  const onEventConflict = `ON CONFLICT (${columnNames(event.only('tipOffId', 'seq'))}) DO NOTHING`;
  const insertLedger = `INSERT INTO ${ledger.name} (${columnNames(ledgerColumns)}) VALUES`;
  const onLedgerConflict = `
    ON CONFLICT (${columnNames(ledger.only('tipOffId'))}) DO UPDATE SET
      ${assignExcluded(without(ledgerColumns, ['tipOffId']))}, updated_at = now()
    WHERE ${ledger.name}.version < EXCLUDED.version`;
  return {
    eventColumns,
    eventBatch: batchSize(eventColumns),
    insertEvents: (values: string) => `${insertEvents} ${values} ${onEventConflict}`,
    ledgerColumns,
    upsertLedger: (values: string) => `${insertLedger} (${values}) ${onLedgerConflict}`,
  };
});

/**
 * Writes a tip-off's new events and its ledger row in one transaction, from a Temporal activity
 * (at-least-once, possibly reordered): events are keyed by (tip_off_id, seq) and inserted with
 * DO NOTHING; the row only moves forward in `version`.
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
    const sql = statements(this.dataSource);
    await this.dataSource.transaction(async (manager) => {
      await insertEvents(manager, sql, events);
      const params: unknown[] = [];
      const values = rowPlaceholders(sql.ledgerColumns, ledgerValues(state), params);
      await manager.query(sql.upsertLedger(values), params);
    });
  }
}

async function insertEvents(manager: EntityManager, sql: ReturnType<typeof statements>, events: TipOffEvent[]): Promise<void> {
  for (const batch of batches(events, sql.eventBatch)) {
    const rows = batch.items.map((event): EventValues => ({ tipOffId: event.tipOffId, ...ledgerEventValues(event) }));
    const values = bulkValues(sql.eventColumns, rows);
    await manager.query(sql.insertEvents(values.sql), values.params);
  }
}

/** The ledger row, derived from the snapshot. */
function ledgerValues(state: TipOffState): LedgerValues {
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
