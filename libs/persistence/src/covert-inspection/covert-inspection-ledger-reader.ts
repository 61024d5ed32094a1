import type { DataSource } from 'typeorm';
import type { CovertInspectionState } from '@duban/domain';
import { eventPageSize, toEventPage, type EventPage } from '../events/event-page';
import { EVENT_FIELDS, eventFields, type EventRecordFields } from '../events/event-row';
import { eventsUpToReader } from '../events/events-up-to';
import { EntityTable, perDataSource, selectColumns } from '../sql/entity-table';
import { iso, isoOrNull, type Raw } from '../sql/row-values';
import { selectPage, Where } from '../sql/where';
import { CovertInspectionEventRecord } from './covert-inspection-event-record.entity';
import { CovertInspectionLedgerEntry } from './covert-inspection-ledger-entry.entity';
import type {
  CovertInspectionEventFilter,
  CovertInspectionEventRow,
  CovertInspectionLedgerFilter,
  CovertInspectionLedgerRow,
} from './covert-inspection-ledger-rows';

// The jsonb snapshot stays out of lists: it is large and the columns already say what lists need.
type LedgerRecord = Omit<CovertInspectionLedgerEntry, 'state'>;

const columnLists = perDataSource((dataSource) => ({
  row: selectColumns(EntityTable.of(dataSource, CovertInspectionLedgerEntry).except('state')),
  event: selectColumns(EntityTable.of(dataSource, CovertInspectionEventRecord).only(...EVENT_FIELDS), 'e'),
}));

function toLedgerRow(r: LedgerRecord): CovertInspectionLedgerRow {
  return {
    inspectionId: r.inspectionId,
    workflowId: r.workflowId,
    title: r.title,
    status: r.status,
    regionId: r.regionId,
    sampledRegionIds: r.sampledRegionIds,
    sampledUnitIds: r.sampledUnitIds,
    leader: { accountId: r.leaderAccountId, name: r.leaderName },
    teamAccountIds: r.teamAccountIds,
    seed: r.seed,
    stratifyBy: r.stratifyBy,
    candidateCount: r.candidateCount,
    sampleSize: r.sampleSize,
    findingCount: r.findingCount,
    majorFindingCount: r.majorFindingCount,
    orderCount: r.orderCount,
    openFeedbackCount: r.openFeedbackCount,
    overdueFeedbackCount: r.overdueFeedbackCount,
    listedMajorHazardCount: r.listedMajorHazardCount,
    nextFeedbackDue: isoOrNull(r.nextFeedbackDue),
    plannedAt: iso(r.plannedAt),
    plannedBy: { id: r.plannedById, name: r.plannedByName, role: r.plannedByRole },
    completedAt: isoOrNull(r.completedAt),
    version: r.version,
    updatedAt: iso(r.updatedAt),
  };
}

const covertInspectionEventsUpTo = eventsUpToReader(CovertInspectionEventRecord, ['inspectionId']);

/** Read side of the covert-inspection ledger (暗访台账): lists, detail, snapshots, audit trail. Never writes. */
export class CovertInspectionLedgerReader {
  constructor(private readonly dataSource: DataSource) {}

  private get columns(): ReturnType<typeof columnLists> {
    return columnLists(this.dataSource);
  }

  /** Filtered page, the newest plan first, with the total for paging. */
  async list(filter: CovertInspectionLedgerFilter = {}): Promise<{ items: CovertInspectionLedgerRow[]; total: number }> {
    const where = new Where().equals('status', filter.status).equals('region_id', filter.regionId);
    if (filter.completedOnly) where.equals('status', 'completed');
    if (filter.sampledUnitId !== undefined) where.add(`${where.param(filter.sampledUnitId)} = ANY(sampled_unit_ids)`);
    if (filter.planVisibleToAccountId !== undefined)
      where.add(`(status = 'completed' OR ${where.param(filter.planVisibleToAccountId)} = ANY(team_account_ids))`);
    where.atLeast('completed_at', filter.completedFrom).before('completed_at', filter.completedTo);
    return selectPage(
      this.dataSource,
      {
        select: this.columns.row,
        from: 'covert_inspection_ledger',
        where,
        orderBy: 'planned_at DESC, inspection_id ASC',
        limit: filter.limit,
        offset: filter.offset,
      },
      toLedgerRow,
    );
  }

  async get(inspectionId: string): Promise<CovertInspectionLedgerRow | undefined> {
    const rows: LedgerRecord[] = await this.dataSource.query(`SELECT ${this.columns.row} FROM covert_inspection_ledger WHERE inspection_id = $1`, [
      inspectionId,
    ]);
    return rows[0] ? toLedgerRow(rows[0]) : undefined;
  }

  /** The last recorded snapshot of the full state: what authorizeCovertInspectionRead decides on. */
  async snapshot(inspectionId: string): Promise<CovertInspectionState | undefined> {
    const rows: Raw[] = await this.dataSource.query('SELECT state FROM covert_inspection_ledger WHERE inspection_id = $1', [inspectionId]);
    return rows[0]?.state;
  }

  /** Snapshots of the inspections completed within [from, to), oldest first (the exposure list's input). */
  async completedSnapshots(from: Date, to: Date): Promise<CovertInspectionState[]> {
    const rows: Raw[] = await this.dataSource.query(
      `SELECT state FROM covert_inspection_ledger WHERE completed_at >= $1::timestamptz AND completed_at < $2::timestamptz
        ORDER BY completed_at, inspection_id`,
      [from.toISOString(), to.toISOString()],
    );
    return rows.map((r) => r.state);
  }

  /** The inspection's events that had happened by `asOf` (at ≤ asOf), in seq order: what its state then is folded from. */
  async eventsUpTo(inspectionId: string, asOf: Date): Promise<CovertInspectionEventRow[]> {
    return (await covertInspectionEventsUpTo(this.dataSource, { inspectionId }, asOf)) as CovertInspectionEventRow[];
  }

  /** A page of the inspection's audit trail in the order it happened; `next` is a seq. */
  async events(inspectionId: string, filter: CovertInspectionEventFilter = {}): Promise<EventPage<CovertInspectionEventRow, number>> {
    const size = eventPageSize(filter.limit);
    const where = new Where().equals('e.inspection_id', inspectionId).after(['e.seq'], filter.afterSeq === undefined ? undefined : [filter.afterSeq]);
    const rows: EventRecordFields[] = await this.dataSource.query(
      `SELECT ${this.columns.event} FROM covert_inspection_event e ${where} ORDER BY e.seq LIMIT ${where.param(size + 1)}`,
      where.params,
    );
    return toEventPage(
      rows,
      size,
      (r) => eventFields(r) as CovertInspectionEventRow,
      (r) => r.seq,
    );
  }
}
