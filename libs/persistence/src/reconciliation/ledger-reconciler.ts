import type { DataSource, EntityManager } from 'typeorm';
import type { LedgerDrift, LedgerSide, ProjectedEvent, ProjectedFields, ReconciliationKind } from '@duban/domain';
import { eventLogAppender, type EventLogAppend } from '../events/event-log-appender';
import { ledgerEventValues, type RecordedLedgerEvent } from '../events/ledger-event-columns';
import { versionedRowUpsert, type VersionedRowUpsert } from '../events/versioned-row-upsert';
import { columnNames, EntityTable, perDataSource, selectColumns, without, type TableColumn } from '../sql/entity-table';
import { iso } from '../sql/row-values';
import { LEDGER_PROJECTIONS, type LedgerProjection } from './ledger-projections';

/** What a workflow projected: its events (every record activity's input, in seq order) and its state now. */
export interface WorkflowProjection {
  workflowId: string;
  state: unknown;
  events: RecordedLedgerEvent[];
}

// Columns no projection writes: the database fills them.
const ROW_DB_FILLED = ['updatedAt'];
const EVENT_DB_FILLED = ['id', 'recordedAt'];

interface KindTables {
  projection: LedgerProjection;
  row: { table: string; columns: TableColumn[]; key: TableColumn };
  events: { table: string; columns: TableColumn[]; key: TableColumn; seq: TableColumn };
  append: EventLogAppend<string>;
  upsert: VersionedRowUpsert<{ version: number }, never>;
}

const tablesOf = perDataSource((dataSource) => {
  const built = new Map<ReconciliationKind, KindTables>();
  for (const [kind, projection] of Object.entries(LEDGER_PROJECTIONS) as Array<[ReconciliationKind, LedgerProjection]>) {
    const ledger = EntityTable.of(dataSource, projection.ledger);
    const events = EntityTable.of(dataSource, projection.events);
    const [rowKey] = ledger.only(projection.key as never);
    const [eventKey, seq] = events.only(projection.key as never, 'seq' as never);
    built.set(kind, {
      projection,
      row: { table: ledger.name, columns: without(ledger.columns, ROW_DB_FILLED), key: rowKey! },
      events: { table: events.name, columns: without(events.columns, EVENT_DB_FILLED), key: eventKey!, seq: seq! },
      // The writers' own statements, built the same way from the same entities.
      append: eventLogAppender(projection.events as new () => never, [projection.key as never], projection.eventColumns) as EventLogAppend<string>,
      upsert: versionedRowUpsert(projection.ledger as new () => { version: number }, [projection.key as never], ROW_DB_FILLED as never[]),
    });
  }
  return built;
});

/**
 * The ledger side of reconciliation (台账核对): the row and event log of one aggregate as stored,
 * what its workflow's projection should have written, and the repair. Values on both sides are
 * put as the row holds them (instants as ISO strings, bigint as text) so that they compare.
 */
export class LedgerReconciler {
  constructor(private readonly dataSource: DataSource) {}

  /** The id of the aggregate `state` is of. */
  aggregateId(kind: ReconciliationKind, state: unknown): string {
    return this.tables(kind).projection.idOf(state);
  }

  /** The rows the ledger writer would write for this projection. */
  expected(kind: ReconciliationKind, projection: WorkflowProjection): { row: ProjectedFields; events: ProjectedEvent[] } {
    const t = this.tables(kind);
    const id = t.projection.idOf(projection.state);
    const row = normalised(t.row.columns, t.projection.row(projection.state, projection.workflowId));
    const events = projection.events.map((event) => ({
      seq: event.seq,
      fields: normalised(t.events.columns, { [t.projection.key]: id, ...ledgerEventValues(event), ...t.projection.eventColumns?.(event) }),
    }));
    return { row, events };
  }

  /** The row and event rows the ledger holds for aggregate `id`. */
  async found(kind: ReconciliationKind, id: string): Promise<LedgerSide> {
    const t = this.tables(kind);
    const [row] = await this.dataSource.query(`SELECT ${selectColumns(t.row.columns)} FROM ${t.row.table} WHERE "${t.row.key.name}" = $1`, [id]);
    const events: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${selectColumns(t.events.columns)} FROM ${t.events.table} WHERE "${t.events.key.name}" = $1 ORDER BY seq`,
      [id],
    );
    return {
      row: row === undefined ? null : normalised(t.row.columns, row),
      events: events.map((e) => ({ seq: Number(e['seq']), fields: normalised(t.events.columns, e) })),
    };
  }

  /**
   * Re-projects from the workflow, in one transaction: altered and extra event rows are deleted
   * and every event appended again (the append skips the intact ones), and a drifted row is
   * replaced whatever its version (the writer's upsert only moves forward, so the row goes first).
   */
  async repair(kind: ReconciliationKind, projection: WorkflowProjection, drift: LedgerDrift): Promise<void> {
    const t = this.tables(kind);
    const id = t.projection.idOf(projection.state);
    await this.dataSource.transaction(async (manager: EntityManager) => {
      const stale = [...drift.alteredSeqs, ...drift.extraSeqs];
      if (stale.length > 0)
        await manager.query(`DELETE FROM ${t.events.table} WHERE "${t.events.key.name}" = $1 AND ${columnNames([t.events.seq])} = ANY($2::int[])`, [
          id,
          stale,
        ]);
      await t.append(manager, { [t.projection.key]: id }, projection.events);
      if (drift.fields.length > 0) await manager.query(`DELETE FROM ${t.row.table} WHERE "${t.row.key.name}" = $1`, [id]);
      await t.upsert(manager, t.projection.row(projection.state, projection.workflowId) as never);
      await t.projection.alsoWrite?.(manager, projection.state);
    });
  }

  private tables(kind: ReconciliationKind): KindTables {
    const tables = tablesOf(this.dataSource).get(kind);
    if (!tables) throw new Error(`LedgerReconciler: no projection for kind ${kind}`);
    return tables;
  }
}

/** A row's values as comparable as stored: null for absent, instants as ISO strings, bigint as text. */
function normalised(columns: readonly TableColumn[], values: Record<string, unknown>): ProjectedFields {
  return Object.fromEntries(columns.map((c) => [c.property, normalisedValue(c.type, values[c.property])]));
}

function normalisedValue(type: string, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (type === 'timestamptz') return iso(value);
  if (type === 'bigint') return String(value);
  if (type === 'integer') return Number(value);
  return value;
}
