import type { DataSource } from 'typeorm';
import type { AccidentState } from '@duban/domain';
import { eventPageSize, toEventPage, type EventPage } from '../events/event-page';
import { EVENT_FIELDS, eventFields, type EventRecordFields } from '../events/event-row';
import { eventsUpToReader } from '../events/events-up-to';
import { EntityTable, perDataSource, selectColumns } from '../sql/entity-table';
import { iso, isoOrNull, type Raw } from '../sql/row-values';
import { orderByOf, streamByKeyset, type OrderKey } from '../sql/keyset-stream';
import { selectPage, Where } from '../sql/where';
import { AccidentEventRecord } from './accident-event-record.entity';
import { AccidentLedgerEntry } from './accident-ledger-entry.entity';
import type { AccidentEventFilter, AccidentEventRow, AccidentLedgerFilter, AccidentLedgerRow } from './accident-ledger-rows';

// The jsonb snapshot stays out of lists: it is large and the columns already say what lists need.
type LedgerRecord = Omit<AccidentLedgerEntry, 'state'>;

const columnLists = perDataSource((dataSource) => ({
  row: selectColumns(EntityTable.of(dataSource, AccidentLedgerEntry).except('state')),
  event: selectColumns(EntityTable.of(dataSource, AccidentEventRecord).only(...EVENT_FIELDS), 'e'),
}));

function toLedgerRow(r: LedgerRecord): AccidentLedgerRow {
  return {
    accidentId: r.accidentId,
    workflowId: r.workflowId,
    unitId: r.unitId,
    regionId: r.regionId,
    industry: r.industry,
    sector: r.sector,
    kind: r.kind,
    grade: r.grade,
    occurredAt: iso(r.occurredAt),
    recordedAt: iso(r.recordedAt),
    recordedBy: { id: r.recordedById, name: r.recordedByName, role: r.recordedByRole },
    openedFrom: r.openedFrom,
    casualties: { deaths: r.deaths, missing: r.missing, seriousInjuries: r.seriousInjuries, directLossYuan: Number(r.directLossYuan) },
    concealmentFlags: r.concealmentFlags,
    investigationStatus: r.investigationStatus,
    investigationLevel: r.investigationLevel,
    reportDue: isoOrNull(r.reportDue),
    reportOverdue: r.reportOverdue,
    listedByLevel: r.listedByLevel,
    openGates: r.openGates,
    closedAt: isoOrNull(r.closedAt),
    campaignId: r.campaignId,
    policyId: r.policyId,
    version: r.version,
    updatedAt: iso(r.updatedAt),
  };
}

const date = (text: string | undefined) => (text === undefined ? undefined : new Date(text));

/** Newest accident first; the id (unique) orders accidents of one instant. */
const LEDGER_ORDER: readonly OrderKey[] = [{ column: 'occurred_at', descending: true }, { column: 'accident_id' }];

/** The list filters as a WHERE clause (shared by the paged list and the streamed export). */
function ledgerWhere(filter: Omit<AccidentLedgerFilter, 'limit' | 'offset'>): Where {
  const status = filter.investigationStatus;
  return (
    new Where()
      .equals('unit_id', filter.unitId)
      .withinBounds('unit_id', filter.bounds)
      .equals('region_id', filter.regionId)
      .equals('industry', filter.industry)
      .equals('grade', filter.grade)
      .isNull('investigation_status', status === 'none' ? true : undefined)
      .equals('investigation_status', status === 'none' ? undefined : status)
      .atLeast('occurred_at', date(filter.occurredFrom))
      .before('occurred_at', date(filter.occurredBefore))
      .flag('concealment_flags > 0', filter.concealed)
      // No investigation yet counts as no gate open (the column is null until one opens).
      .flag('(COALESCE(open_gates, 0) > 0)', filter.openGates)
      .isNull('listed_by_level', filter.listed === undefined ? undefined : !filter.listed)
  );
}

const accidentEventsUpTo = eventsUpToReader(AccidentEventRecord, ['accidentId']);

/** Read side of the accident ledger (事故台账): lists, detail, audit trail. Never writes. */
export class AccidentLedgerReader {
  constructor(private readonly dataSource: DataSource) {}

  private get columns(): ReturnType<typeof columnLists> {
    return columnLists(this.dataSource);
  }

  /** Filtered page, newest accident first, with the total for paging. */
  async list(filter: AccidentLedgerFilter = {}): Promise<{ items: AccidentLedgerRow[]; total: number }> {
    return selectPage(
      this.dataSource,
      {
        select: this.columns.row,
        from: 'accident_ledger',
        where: ledgerWhere(filter),
        orderBy: orderByOf(LEDGER_ORDER),
        limit: filter.limit,
        offset: filter.offset,
      },
      toLedgerRow,
    );
  }

  /** Every row the filter matches, in the list's order, a keyset page at a time (the export's read). `limit` and `offset` are ignored. */
  stream(filter: Omit<AccidentLedgerFilter, 'limit' | 'offset'> = {}, pageSize?: number): AsyncGenerator<AccidentLedgerRow> {
    return streamByKeyset(
      this.dataSource,
      { select: this.columns.row, from: 'accident_ledger', where: () => ledgerWhere(filter), order: LEDGER_ORDER },
      toLedgerRow,
      pageSize,
    );
  }

  async get(accidentId: string): Promise<AccidentLedgerRow | undefined> {
    const rows: LedgerRecord[] = await this.dataSource.query(`SELECT ${this.columns.row} FROM accident_ledger WHERE accident_id = $1`, [accidentId]);
    return rows[0] ? toLedgerRow(rows[0]) : undefined;
  }

  /** The accident's unit, for object-level authorization; undefined if unknown. */
  async unitOf(accidentId: string): Promise<string | undefined> {
    const rows: Raw[] = await this.dataSource.query('SELECT unit_id FROM accident_ledger WHERE accident_id = $1', [accidentId]);
    return rows[0]?.unit_id;
  }

  /** The last recorded snapshot of the full state (e.g. once the workflow has closed). */
  async snapshot(accidentId: string): Promise<AccidentState | undefined> {
    const rows: Raw[] = await this.dataSource.query('SELECT state FROM accident_ledger WHERE accident_id = $1', [accidentId]);
    return rows[0]?.state;
  }

  /** The accident's events that had happened by `asOf` (at ≤ asOf), in seq order: what its state then is folded from. */
  async eventsUpTo(accidentId: string, asOf: Date): Promise<AccidentEventRow[]> {
    return (await accidentEventsUpTo(this.dataSource, { accidentId }, asOf)) as AccidentEventRow[];
  }

  /** A page of the accident's audit trail in the order it happened; `next` is a seq. */
  async events(accidentId: string, filter: AccidentEventFilter = {}): Promise<EventPage<AccidentEventRow, number>> {
    const size = eventPageSize(filter.limit);
    const where = new Where().equals('e.accident_id', accidentId).after(['e.seq'], filter.afterSeq === undefined ? undefined : [filter.afterSeq]);
    const rows: EventRecordFields[] = await this.dataSource.query(
      `SELECT ${this.columns.event} FROM accident_event e ${where} ORDER BY e.seq LIMIT ${where.param(size + 1)}`,
      where.params,
    );
    return toEventPage(
      rows,
      size,
      (r) => eventFields(r) as AccidentEventRow,
      (r) => r.seq,
    );
  }
}
