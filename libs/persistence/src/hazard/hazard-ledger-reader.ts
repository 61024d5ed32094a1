import type { DataSource } from 'typeorm';
import {
  hazardLedgerOrder,
  type HazardGrade,
  type HazardLedgerOrderField,
  type HazardLedgerSort,
  type HazardState,
  type HazardStatus,
  type ListingLevel,
} from '@duban/domain';
import type {
  HazardEscalationFilter,
  HazardEscalationRow,
  HazardEventFilter,
  HazardEventRow,
  HazardLedgerFilter,
  HazardLedgerRow,
  HazardLedgerSummary,
  HazardSummaryFilter,
} from './hazard-ledger-rows';
import { eventPageSize, toEventPage, type EventPage } from '../events/event-page';
import { EVENT_FIELDS, eventFields, type EventRecordFields } from '../events/event-row';
import { eventsUpToReader } from '../events/events-up-to';
import { EntityTable, perDataSource, selectColumns } from '../sql/entity-table';
import { iso, isoOrNull, type Raw } from '../sql/row-values';
import { orderByOf, streamByKeyset, type OrderKey } from '../sql/keyset-stream';
import { ESCALATIONS_DEFAULT, selectPage, Where } from '../sql/where';
import { HazardEventRecord } from './hazard-event-record.entity';
import { HazardLedgerEntry } from './hazard-ledger-entry.entity';

export { LEDGER_PAGE_DEFAULT, LEDGER_PAGE_MAX } from '../sql/where';

// The jsonb snapshot stays out of lists: it is large and the columns already say what lists need.
type LedgerRecord = Omit<HazardLedgerEntry, 'state'>;

/** The reader's column lists, from the entities (see sql/entity-table.ts). */
const columnLists = perDataSource((dataSource) => ({
  row: selectColumns(EntityTable.of(dataSource, HazardLedgerEntry).except('state')),
  event: selectColumns(EntityTable.of(dataSource, HazardEventRecord).only(...EVENT_FIELDS), 'e'),
}));

const hazardEventsUpTo = eventsUpToReader(HazardEventRecord, ['hazardId']);

function toLedgerRow(r: LedgerRecord): HazardLedgerRow {
  return {
    hazardId: r.hazardId,
    workflowId: r.workflowId,
    title: r.title,
    description: r.description,
    location: r.location,
    industry: r.industry,
    unitId: r.unitId,
    grade: r.grade,
    source: r.source,
    finder: r.finder,
    status: r.status,
    deadline: iso(r.deadline),
    originalDeadline: iso(r.originalDeadline),
    reportedAt: iso(r.reportedAt),
    reportedBy: { id: r.reportedById, name: r.reportedByName, role: r.reportedByRole },
    campaignId: r.campaignId,
    overdue: r.overdue,
    listedForSupervision: r.listedForSupervision,
    listingLevel: r.listingLevel,
    listingRegionId: r.listingRegionId,
    listingTracker: r.listingTrackerName === null ? null : { name: r.listingTrackerName, unitId: r.listingTrackerUnitId },
    listedAt: isoOrNull(r.listedAt),
    delistedAt: isoOrNull(r.delistedAt),
    underMonitoring: r.underMonitoring,
    extensionsGranted: r.extensionsGranted,
    rejectionCount: r.rejectionCount,
    lastEscalationInstrument: r.lastEscalationInstrument,
    lastEscalatedAt: isoOrNull(r.lastEscalatedAt),
    signedOffAt: isoOrNull(r.signedOffAt),
    policyId: r.policyId,
    version: r.version,
    updatedAt: iso(r.updatedAt),
  };
}

/** The list filters as a WHERE clause (shared by the paged list and the streamed export). */
function ledgerWhere(filter: Omit<HazardLedgerFilter, 'limit' | 'offset'>): Where {
  return new Where()
    .equals('unit_id', filter.unitId)
    .withinBounds('unit_id', filter.bounds)
    .equals('industry', filter.industry)
    .equals('grade', filter.grade)
    .equals('status', filter.status)
    .equals('campaign_id', filter.campaignId)
    .equals('listing_level', filter.listingLevel)
    .flag('overdue', filter.overdue)
    .flag('listed_for_supervision', filter.listedForSupervision);
}

const ORDER_COLUMNS: Record<HazardLedgerOrderField, string> = {
  deadline: 'deadline',
  reportedAt: 'reported_at',
  grade: 'grade',
  hazardId: 'hazard_id',
};

/** The domain's order for `sort` on hazard_ledger's columns (each order has its index: the deadline's, idx_hazard_ledger_reported_at, idx_hazard_ledger_grade_deadline). */
function ledgerOrder(sort: HazardLedgerSort | undefined): OrderKey[] {
  const order = hazardLedgerOrder(sort);
  return order.fields.map((field) => ({ column: ORDER_COLUMNS[field], descending: order.descending }));
}

function toEventRow(r: EventRecordFields): HazardEventRow {
  return eventFields(r) as HazardEventRow;
}

// Record<…> typing makes the compiler flag a status or grade added to the domain but not here.
const zeroByStatus = (): Record<HazardStatus, number> => ({ awaiting_plan: 0, rectifying: 0, awaiting_verification: 0, signed_off: 0 });
const zeroByGrade = (): Record<HazardGrade, number> => ({ general: 0, major: 0 });
const zeroByListingLevel = (): Record<ListingLevel, number> => ({ county: 0, city: 0, province: 0 });

/** Read side of the hazard ledger: lists, detail, audit trail, dashboards. Never writes. */
export class HazardLedgerReader {
  constructor(private readonly dataSource: DataSource) {}

  private get columns(): ReturnType<typeof columnLists> {
    return columnLists(this.dataSource);
  }

  /** Filtered page in the sort's order (default: most urgent deadline first), with the total for paging. */
  async list(filter: HazardLedgerFilter = {}): Promise<{ items: HazardLedgerRow[]; total: number }> {
    const where = ledgerWhere(filter);
    return selectPage(
      this.dataSource,
      {
        select: this.columns.row,
        from: 'hazard_ledger',
        where,
        orderBy: orderByOf(ledgerOrder(filter.sort)),
        limit: filter.limit,
        offset: filter.offset,
      },
      toLedgerRow,
    );
  }

  /** Every row the filter matches, in the list's order, a keyset page at a time (the export's read). `limit` and `offset` are ignored. */
  stream(filter: Omit<HazardLedgerFilter, 'limit' | 'offset'> = {}, pageSize?: number): AsyncGenerator<HazardLedgerRow> {
    return streamByKeyset(
      this.dataSource,
      { select: this.columns.row, from: 'hazard_ledger', where: () => ledgerWhere(filter), order: ledgerOrder(filter.sort) },
      toLedgerRow,
      pageSize,
    );
  }

  async get(hazardId: string): Promise<HazardLedgerRow | undefined> {
    const rows: LedgerRecord[] = await this.dataSource.query(`SELECT ${this.columns.row} FROM hazard_ledger WHERE hazard_id = $1`, [hazardId]);
    return rows[0] ? toLedgerRow(rows[0]) : undefined;
  }

  /** The rows of these hazards (any order; unknown ids are simply absent), e.g. the hazards covert findings became. */
  async byIds(hazardIds: readonly string[]): Promise<HazardLedgerRow[]> {
    if (hazardIds.length === 0) return [];
    const rows: LedgerRecord[] = await this.dataSource.query(`SELECT ${this.columns.row} FROM hazard_ledger WHERE hazard_id = ANY($1::varchar[])`, [
      [...new Set(hazardIds)],
    ]);
    return rows.map(toLedgerRow);
  }

  /** Which of `hazardIds` the ledger holds (an import skips those). */
  async knownIds(hazardIds: readonly string[]): Promise<string[]> {
    if (hazardIds.length === 0) return [];
    const rows: Raw[] = await this.dataSource.query('SELECT hazard_id FROM hazard_ledger WHERE hazard_id = ANY($1::varchar[])', [
      [...new Set(hazardIds)],
    ]);
    return rows.map((row) => row.hazard_id as string);
  }

  /** The hazard's responsible unit, for object-level authorization; undefined if unknown. */
  async unitOf(hazardId: string): Promise<string | undefined> {
    const rows: Raw[] = await this.dataSource.query('SELECT unit_id FROM hazard_ledger WHERE hazard_id = $1', [hazardId]);
    return rows[0]?.unit_id;
  }

  /** The last recorded snapshot of the full state (e.g. once the workflow has closed). */
  async snapshot(hazardId: string): Promise<HazardState | undefined> {
    const rows: Raw[] = await this.dataSource.query('SELECT state FROM hazard_ledger WHERE hazard_id = $1', [hazardId]);
    return rows[0]?.state;
  }

  /** A page of the hazard's audit trail, in the order it happened (keyset on the (hazard_id, seq) unique index); `next` is a seq. */
  async events(hazardId: string, filter: HazardEventFilter = {}): Promise<EventPage<HazardEventRow, number>> {
    const size = eventPageSize(filter.limit);
    const where = new Where().equals('e.hazard_id', hazardId).after(['e.seq'], filter.afterSeq === undefined ? undefined : [filter.afterSeq]);
    const rows: EventRecordFields[] = await this.dataSource.query(
      `SELECT ${this.columns.event} FROM hazard_event e ${where} ORDER BY e.seq LIMIT ${where.param(size + 1)}`,
      where.params,
    );
    return toEventPage(rows, size, toEventRow, (r) => r.seq);
  }

  /** The hazard's events that had happened by `asOf` (at ≤ asOf), in seq order: what its state then is folded from. */
  async eventsUpTo(hazardId: string, asOf: Date): Promise<HazardEventRow[]> {
    return (await hazardEventsUpTo(this.dataSource, { hazardId }, asOf)) as HazardEventRow[];
  }

  /** Escalations (督办升级) across hazards, newest first. */
  async escalations(filter: HazardEscalationFilter = {}): Promise<HazardEscalationRow[]> {
    const where = new Where()
      .equals('e.type', 'escalated')
      .equals('l.unit_id', filter.unitId)
      .withinBounds('l.unit_id', filter.bounds)
      .atLeast('e.at', filter.since);
    const limit = where.limit(filter.limit, ESCALATIONS_DEFAULT);
    // The unit is the hazard's (from the ledger), which the escalating actor usually is not.
    const rows: Array<EventRecordFields & { hazardId: string }> = await this.dataSource.query(
      `SELECT e.hazard_id AS "hazardId", ${this.columns.event}
         FROM hazard_event e JOIN hazard_ledger l ON l.hazard_id = e.hazard_id
         ${where}
        ORDER BY e.at DESC, e.hazard_id, e.seq DESC
        LIMIT ${limit}`,
      where.params,
    );
    return rows.map((r) => ({ ...toEventRow(r), hazardId: r.hazardId }) as HazardEscalationRow);
  }

  /** Counts for dashboards, in one pass over the (filtered) ledger. */
  async summary(filter: HazardSummaryFilter = {}): Promise<HazardLedgerSummary> {
    const where = new Where().equals('unit_id', filter.unitId).withinBounds('unit_id', filter.bounds).equals('campaign_id', filter.campaignId);
    const rows: Raw[] = await this.dataSource.query(
      `SELECT status, grade, listing_level,
              count(*)::int AS n,
              count(*) FILTER (WHERE overdue)::int AS overdue,
              count(*) FILTER (WHERE overdue AND status <> 'signed_off')::int AS overdue_open,
              count(*) FILTER (WHERE listed_for_supervision)::int AS listed,
              count(*) FILTER (WHERE under_monitoring)::int AS monitored,
              count(*) FILTER (WHERE delisted_at IS NOT NULL)::int AS delisted
         FROM hazard_ledger ${where}
        GROUP BY status, grade, listing_level`,
      where.params,
    );
    const summary: HazardLedgerSummary = {
      total: 0,
      byStatus: zeroByStatus(),
      byGrade: zeroByGrade(),
      overdue: 0,
      overdueOpen: 0,
      listedForSupervision: 0,
      byListingLevel: zeroByListingLevel(),
      delisted: 0,
      underMonitoring: 0,
    };
    for (const r of rows) {
      summary.total += r.n;
      summary.byStatus[r.status as HazardStatus] = (summary.byStatus[r.status as HazardStatus] ?? 0) + r.n;
      summary.byGrade[r.grade as HazardGrade] = (summary.byGrade[r.grade as HazardGrade] ?? 0) + r.n;
      summary.overdue += r.overdue;
      summary.overdueOpen += r.overdue_open;
      summary.listedForSupervision += r.listed;
      summary.underMonitoring += r.monitored;
      summary.delisted += r.delisted;
      if (r.listing_level !== null)
        summary.byListingLevel[r.listing_level as ListingLevel] = (summary.byListingLevel[r.listing_level as ListingLevel] ?? 0) + r.n;
    }
    return summary;
  }
}
