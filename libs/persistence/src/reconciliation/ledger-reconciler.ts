import type { DataSource, EntityManager } from 'typeorm';
import {
  ledgerDrift,
  seqSetDrift,
  type LedgerDrift,
  type LedgerSide,
  type ProjectedEvent,
  type ProjectedFields,
  type ReconciliationKind,
} from '@duban/domain';
import { eventLogAppender, type EventLogAppend } from '../events/event-log-appender';
import { ledgerEventValues } from '../events/ledger-event-columns';
import { versionedRowUpsert, type VersionedRowUpsert } from '../events/versioned-row-upsert';
import { columnNames, EntityTable, perDataSource, rowPlaceholders, selectColumns, without, type TableColumn } from '../sql/entity-table';
import { iso } from '../sql/row-values';
import { LEDGER_PROJECTIONS, type LedgerProjection, type WorkflowProjection } from './ledger-projections';
import { ledgerRowsPage, type LedgerRowsPage } from './ledger-rows-page';

export type { WorkflowProjection } from './ledger-projections';

// Columns no projection writes: the database fills them.
const ROW_DB_FILLED = ['updatedAt'];
const EVENT_DB_FILLED = ['id', 'recordedAt'];

export interface KindTables {
  projection: LedgerProjection;
  row: { table: string; columns: TableColumn[]; key: TableColumn[]; workflowId: TableColumn | undefined };
  events: { table: string; columns: TableColumn[]; key: TableColumn[]; seq: TableColumn };
  append: EventLogAppend<string>;
  upsert: VersionedRowUpsert<{ version: number }, never>;
}

const tablesOf = perDataSource((dataSource) => {
  const built = new Map<ReconciliationKind, KindTables>();
  for (const [kind, projection] of Object.entries(LEDGER_PROJECTIONS) as Array<[ReconciliationKind, LedgerProjection]>) {
    const ledger = EntityTable.of(dataSource, projection.ledger);
    const events = EntityTable.of(dataSource, projection.events);
    const notWritten = [...ROW_DB_FILLED, ...(projection.rowKept ?? [])];
    built.set(kind, {
      projection,
      row: {
        table: ledger.name,
        columns: without(ledger.columns, notWritten),
        key: ledger.only(...(projection.rowKey as never[])),
        workflowId: ledger.columns.find((c) => c.property === 'workflowId'),
      },
      events: {
        table: events.name,
        columns: without(events.columns, EVENT_DB_FILLED),
        key: events.only(...(projection.eventKey as never[])),
        seq: events.only('seq' as never)[0]!,
      },
      // The writers' own statements, built the same way from the same entities.
      append: eventLogAppender(
        projection.events as new () => never,
        projection.eventKey as never[],
        projection.eventColumns,
      ) as EventLogAppend<string>,
      upsert: versionedRowUpsert(projection.ledger as new () => { version: number }, projection.rowKey as never[], notWritten as never[]),
    });
  }
  return built;
});

/** `column = $n AND …` over key columns, their values pushed onto `params`. */
function whereKey(columns: readonly TableColumn[], key: Record<string, string>, params: unknown[]): string {
  return columns
    .map((c) => {
      params.push(key[c.property]);
      return `"${c.name}" = $${params.length}`;
    })
    .join(' AND ');
}

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

  /** The rows the ledger writer would write for this projection (no events for a kind compared by seq only). */
  expected(kind: ReconciliationKind, projection: WorkflowProjection): { row: ProjectedFields; events: ProjectedEvent[] } {
    const t = this.tables(kind);
    const key = t.projection.keyOf(projection.state);
    const row = normalised(t.row.columns, t.projection.row(projection));
    if (t.projection.eventComparison === 'seq_only') return { row, events: [] };
    const events = projection.events.map((event) => ({
      seq: event.seq,
      fields: normalised(t.events.columns, { ...key, ...ledgerEventValues(event), ...t.projection.eventColumns?.(event) }),
    }));
    return { row, events };
  }

  /** The row and event rows the ledger holds for the aggregate `state` is of. */
  async found(kind: ReconciliationKind, state: unknown): Promise<LedgerSide> {
    const t = this.tables(kind);
    const key = t.projection.keyOf(state);
    const rowParams: unknown[] = [];
    const [row] = await this.dataSource.query(
      `SELECT ${selectColumns(t.row.columns)} FROM ${t.row.table} WHERE ${whereKey(t.row.key, key, rowParams)}`,
      rowParams,
    );
    const eventParams: unknown[] = [];
    const events: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${selectColumns(t.events.columns)} FROM ${t.events.table} WHERE ${whereKey(t.events.key, key, eventParams)} ORDER BY seq`,
      eventParams,
    );
    return {
      row: row === undefined ? null : normalised(t.row.columns, row),
      events: events.map((e) => ({ seq: Number(e['seq']), fields: normalised(t.events.columns, e) })),
    };
  }

  /** The ledger's drift from the workflow's projection (by seq alone for a kind whose events are not in history). */
  async drift(kind: ReconciliationKind, projection: WorkflowProjection): Promise<LedgerDrift> {
    const expected = this.expected(kind, projection);
    const found = await this.found(kind, projection.state);
    if (this.tables(kind).projection.eventComparison !== 'seq_only') return ledgerDrift(expected, found);
    const lastSeq = (projection.state as { lastSeq: number }).lastSeq;
    const seqs = seqSetDrift(
      lastSeq,
      found.events.map((e) => e.seq),
    );
    return { ...ledgerDrift(expected, { row: found.row, events: [] }), ...seqs };
  }

  /**
   * Re-projects from the workflow, in one transaction: altered and extra event rows are deleted
   * and every event appended again (the append skips the intact ones); a missing row is written
   * as the writer writes it and a drifted one overwritten in place whatever its version (the
   * writer's upsert only moves forward). A kind compared by seq only gets its row alone: its
   * events are not known here.
   */
  async repair(kind: ReconciliationKind, projection: WorkflowProjection, drift: LedgerDrift): Promise<void> {
    const t = this.tables(kind);
    const key = t.projection.keyOf(projection.state);
    const row = t.projection.row(projection);
    await this.dataSource.transaction(async (manager: EntityManager) => {
      if (t.projection.eventComparison !== 'seq_only') {
        const stale = [...drift.alteredSeqs, ...drift.extraSeqs];
        if (stale.length > 0) {
          const params: unknown[] = [];
          const where = whereKey(t.events.key, key, params);
          params.push(stale);
          await manager.query(
            `DELETE FROM ${t.events.table} WHERE ${where} AND ${columnNames([t.events.seq])} = ANY($${params.length}::int[])`,
            params,
          );
        }
        await t.append(manager, key, projection.events);
      }
      if (drift.rowMissing) await (t.projection.insertRow ? t.projection.insertRow(manager, projection) : t.upsert(manager, row as never));
      else if (drift.fields.length > 0) await this.overwriteRow(manager, t, key, row);
      await t.projection.alsoWrite?.(manager, projection);
    });
  }

  /** A page of one kind's ledger rows in key order, after `after` (a previous page's last key), with their workflow ids. */
  rowsPage(kind: ReconciliationKind, options: { after: string[] | null; limit: number; updatedSince?: Date }): Promise<LedgerRowsPage> {
    return ledgerRowsPage(this.dataSource, this.tables(kind), options);
  }

  private async overwriteRow(manager: EntityManager, t: KindTables, key: Record<string, string>, row: Record<string, unknown>): Promise<void> {
    const params: unknown[] = [];
    const values = rowPlaceholders(t.row.columns, row, params);
    const where = whereKey(t.row.key, key, params);
    await manager.query(`UPDATE ${t.row.table} SET (${columnNames(t.row.columns)}) = ROW(${values}), updated_at = now() WHERE ${where}`, params);
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
