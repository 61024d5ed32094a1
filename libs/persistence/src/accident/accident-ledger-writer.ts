import type { DataSource, EntityManager } from 'typeorm';
import { accidentWorkflowId, FOUR_GATES, type AccidentEvent, type AccidentState } from '@duban/domain';
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
const EVENT_DB_FILLED = ['id', 'recordedAt'] as const;
type LedgerValues = ColumnValues<AccidentLedgerEntry, Exclude<PropertyOf<AccidentLedgerEntry>, (typeof LEDGER_DB_FILLED)[number]>>;
type EventValues = ColumnValues<AccidentEventRecord, Exclude<PropertyOf<AccidentEventRecord>, (typeof EVENT_DB_FILLED)[number]>>;

const statements = perDataSource((dataSource) => {
  const ledger = EntityTable.of(dataSource, AccidentLedgerEntry);
  const event = EntityTable.of(dataSource, AccidentEventRecord);
  const ledgerColumns = ledger.except(...LEDGER_DB_FILLED);
  const eventColumns = event.except(...EVENT_DB_FILLED);
  const insertEvents = `INSERT INTO ${event.name} (${columnNames(eventColumns)}) VALUES`;
  const onEventConflict = `ON CONFLICT (${columnNames(event.only('accidentId', 'seq'))}) DO NOTHING`;
  const insertLedger = `INSERT INTO ${ledger.name} (${columnNames(ledgerColumns)}) VALUES`;
  const onLedgerConflict = `
    ON CONFLICT (${columnNames(ledger.only('accidentId'))}) DO UPDATE SET
      ${assignExcluded(without(ledgerColumns, ['accidentId']))}, updated_at = now()
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
 * Writes an accident's new events and its ledger row in one transaction, from a Temporal
 * activity (at-least-once, possibly reordered): events are keyed by (accident_id, seq) and
 * inserted with DO NOTHING; the row (and its rectification links) only moves forward in `version`.
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
    const sql = statements(this.dataSource);
    await this.dataSource.transaction(async (manager) => {
      await insertEvents(manager, sql, events);
      const params: unknown[] = [];
      const values = rowPlaceholders(sql.ledgerColumns, ledgerValues(state), params);
      await manager.query(sql.upsertLedger(values), params);
      await upsertRectificationLinks(manager, state);
    });
  }
}

async function insertEvents(manager: EntityManager, sql: ReturnType<typeof statements>, events: AccidentEvent[]): Promise<void> {
  for (const batch of batches(events, sql.eventBatch)) {
    const rows = batch.items.map((event): EventValues => ({ accidentId: event.accidentId, ...ledgerEventValues(event) }));
    const values = bulkValues(sql.eventColumns, rows);
    await manager.query(sql.insertEvents(values.sql), values.params);
  }
}

/** The ledger row, derived from the snapshot. */
function ledgerValues(state: AccidentState): LedgerValues {
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
