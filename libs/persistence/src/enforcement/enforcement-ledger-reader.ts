import type { DataSource } from 'typeorm';
import type { EnforcementCaseState, EnforcementMeasure } from '@duban/domain';
import { eventPageSize, toEventPage, type EventPage } from '../events/event-page';
import { EVENT_FIELDS, eventFields, type EventRecordFields } from '../events/event-row';
import { eventsUpToReader } from '../events/events-up-to';
import { EntityTable, perDataSource, selectColumns } from '../sql/entity-table';
import { iso, isoOrNull, type Raw } from '../sql/row-values';
import { orderByOf, streamByKeyset, type OrderKey } from '../sql/keyset-stream';
import { selectPage, Where } from '../sql/where';
import { EnforcementCaseLedgerEntry } from './enforcement-case-ledger-entry.entity';
import { EnforcementEventRecord } from './enforcement-event-record.entity';
import type { EnforcementEventFilter, EnforcementEventRow, EnforcementLedgerFilter, EnforcementLedgerRow } from './enforcement-ledger-rows';

// The jsonb snapshot stays out of lists: it is large and the columns already say what lists need.
type LedgerRecord = Omit<EnforcementCaseLedgerEntry, 'state'>;
type EventRecord = EventRecordFields & Pick<EnforcementEventRecord, 'legalBasis'>;

const columnLists = perDataSource((dataSource) => ({
  row: selectColumns(EntityTable.of(dataSource, EnforcementCaseLedgerEntry).except('state')),
  event: selectColumns(EntityTable.of(dataSource, EnforcementEventRecord).only(...EVENT_FIELDS, 'legalBasis'), 'e'),
}));

/** What "the measure was decided" means on the row's columns, one condition per measure of 四个一律. */
const MEASURE_CONDITIONS: Record<EnforcementMeasure, string> = {
  suspension: 'suspension_status IS NOT NULL',
  closure: 'closure_imposed',
  maximum_fine: 'fine_total_yuan > 0',
  judicial_referral: 'referred',
};

const date = (text: string | undefined) => (text === undefined ? undefined : new Date(text));

function toLedgerRow(r: LedgerRecord): EnforcementLedgerRow {
  return {
    caseId: r.caseId,
    workflowId: r.workflowId,
    unitId: r.unitId,
    regionId: r.regionId,
    industryId: r.industryId,
    origin: r.origin,
    sourceRef: r.sourceRef,
    status: r.status,
    suspensionStatus: r.suspensionStatus,
    suspended: r.suspended,
    suspendedAt: isoOrNull(r.suspendedAt),
    resumedAt: isoOrNull(r.resumedAt),
    fineTotalYuan: Number(r.fineTotalYuan),
    referred: r.referred,
    referralOutcome: r.referralOutcome,
    closureImposed: r.closureImposed,
    criminal: r.criminal,
    respondentCount: r.respondentCount,
    violationCount: r.violationCount,
    openedAt: iso(r.openedAt),
    openedBy: { id: r.openedById, name: r.openedByName, role: r.openedByRole },
    closedAt: isoOrNull(r.closedAt),
    nextCheckDue: isoOrNull(r.nextCheckDue),
    missedCheckCount: r.missedCheckCount,
    version: r.version,
    updatedAt: iso(r.updatedAt),
  };
}

/** The newest case first; the id (unique) orders cases opened at one instant. */
const LEDGER_ORDER: readonly OrderKey[] = [{ column: 'opened_at', descending: true }, { column: 'case_id' }];

/** The list filters as a WHERE clause (shared by the paged list and the streamed export). */
function ledgerWhere(filter: Omit<EnforcementLedgerFilter, 'limit' | 'offset'>): Where {
  const where = new Where()
    .equals('unit_id', filter.unitId)
    .withinBounds('unit_id', filter.bounds)
    .equals('region_id', filter.regionId)
    .equals('industry_id', filter.industryId)
    .equals('status', filter.status)
    .equals('origin', filter.origin)
    .equals('suspension_status', filter.suspensionStatus)
    .flag('suspended', filter.suspended)
    .flag('referred', filter.referred)
    .flag('criminal', filter.criminal)
    .flag('closure_imposed', filter.closureImposed)
    .atLeast('opened_at', date(filter.openedFrom))
    .before('opened_at', date(filter.openedBefore));
  if (filter.measure !== undefined) where.add(MEASURE_CONDITIONS[filter.measure]);
  return where;
}

const enforcementEventsUpTo = eventsUpToReader(EnforcementEventRecord, ['caseId'], ['legalBasis']);

/** Read side of the enforcement ledger (执法台账): lists, detail, audit trail. Never writes. */
export class EnforcementLedgerReader {
  constructor(private readonly dataSource: DataSource) {}

  private get columns(): ReturnType<typeof columnLists> {
    return columnLists(this.dataSource);
  }

  /** Filtered page, the newest case (立案) first, with the total for paging. */
  async list(filter: EnforcementLedgerFilter = {}): Promise<{ items: EnforcementLedgerRow[]; total: number }> {
    return selectPage(
      this.dataSource,
      {
        select: this.columns.row,
        from: 'enforcement_case_ledger',
        where: ledgerWhere(filter),
        orderBy: orderByOf(LEDGER_ORDER),
        limit: filter.limit,
        offset: filter.offset,
      },
      toLedgerRow,
    );
  }

  /** Every row the filter matches, in the list's order, a keyset page at a time (the export's read). `limit` and `offset` are ignored. */
  stream(filter: Omit<EnforcementLedgerFilter, 'limit' | 'offset'> = {}, pageSize?: number): AsyncGenerator<EnforcementLedgerRow> {
    return streamByKeyset(
      this.dataSource,
      { select: this.columns.row, from: 'enforcement_case_ledger', where: () => ledgerWhere(filter), order: LEDGER_ORDER },
      toLedgerRow,
      pageSize,
    );
  }

  async get(caseId: string): Promise<EnforcementLedgerRow | undefined> {
    const rows: LedgerRecord[] = await this.dataSource.query(`SELECT ${this.columns.row} FROM enforcement_case_ledger WHERE case_id = $1`, [caseId]);
    return rows[0] ? toLedgerRow(rows[0]) : undefined;
  }

  /** The unit the case is against, for object-level authorization; undefined if the case is unknown. */
  async unitOf(caseId: string): Promise<string | undefined> {
    const rows: Raw[] = await this.dataSource.query('SELECT unit_id FROM enforcement_case_ledger WHERE case_id = $1', [caseId]);
    return rows[0]?.unit_id;
  }

  /** The last recorded snapshot of the full state (e.g. once the workflow has closed). */
  async snapshot(caseId: string): Promise<EnforcementCaseState | undefined> {
    const rows: Raw[] = await this.dataSource.query('SELECT state FROM enforcement_case_ledger WHERE case_id = $1', [caseId]);
    return rows[0]?.state;
  }

  /** The case's events that had happened by `asOf` (at ≤ asOf), in seq order, each with its legal basis: what its state then is folded from. */
  async eventsUpTo(caseId: string, asOf: Date): Promise<EnforcementEventRow[]> {
    return (await enforcementEventsUpTo(this.dataSource, { caseId }, asOf)) as EnforcementEventRow[];
  }

  /** A page of the case's audit trail in the order it happened, each step with its legal basis; `next` is a seq. */
  async events(caseId: string, filter: EnforcementEventFilter = {}): Promise<EventPage<EnforcementEventRow, number>> {
    const size = eventPageSize(filter.limit);
    const where = new Where().equals('e.case_id', caseId).after(['e.seq'], filter.afterSeq === undefined ? undefined : [filter.afterSeq]);
    const rows: EventRecord[] = await this.dataSource.query(
      `SELECT ${this.columns.event} FROM enforcement_event e ${where} ORDER BY e.seq LIMIT ${where.param(size + 1)}`,
      where.params,
    );
    return toEventPage(
      rows,
      size,
      (r) => ({ ...eventFields(r), legalBasis: r.legalBasis }) as EnforcementEventRow,
      (r) => r.seq,
    );
  }
}
