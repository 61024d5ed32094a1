import type { DataSource } from 'typeorm';
import type { TipOffState } from '@duban/domain';
import { eventPageSize, toEventPage, type EventPage } from '../events/event-page';
import { EVENT_FIELDS, eventFields, type EventRecordFields } from '../events/event-row';
import { eventsUpToReader } from '../events/events-up-to';
import { regionAtOrBelow } from '../registry/registry-bounds-sql';
import { EntityTable, perDataSource, selectColumns } from '../sql/entity-table';
import { iso, isoOrNull, type Raw } from '../sql/row-values';
import { selectPage, Where } from '../sql/where';
import { TipOffEventRecord } from './tip-off-event-record.entity';
import { TipOffLedgerEntry } from './tip-off-ledger-entry.entity';
import type { TipOffEventFilter, TipOffEventRow, TipOffLedgerFilter, TipOffLedgerRow } from './tip-off-ledger-rows';

// The jsonb snapshot stays out of lists: it is large and the columns already say what lists need.
type LedgerRecord = Omit<TipOffLedgerEntry, 'state'>;

const columnLists = perDataSource((dataSource) => ({
  row: selectColumns(EntityTable.of(dataSource, TipOffLedgerEntry).except('state')),
  event: selectColumns(EntityTable.of(dataSource, TipOffEventRecord).only(...EVENT_FIELDS), 'e'),
}));

function toLedgerRow(r: LedgerRecord): TipOffLedgerRow {
  return {
    tipOffId: r.tipOffId,
    workflowId: r.workflowId,
    channel: r.channel,
    informant: r.informant,
    receivedAt: iso(r.receivedAt),
    regionId: r.regionId,
    unitId: r.unitId,
    receivedBy: { id: r.receivedById, name: r.receivedByName, role: r.receivedByRole },
    status: r.status,
    deadline: iso(r.deadline),
    overdue: r.overdue,
    verifiedAt: isoOrNull(r.verifiedAt),
    verifiedOnTime: r.verifiedOnTime,
    accidentId: r.accidentId,
    accidentLink: r.accidentLink,
    accidentLinkedAt: isoOrNull(r.accidentLinkedAt),
    concealed: r.concealed,
    falselyReported: r.falselyReported,
    version: r.version,
    updatedAt: iso(r.updatedAt),
  };
}

const tipOffEventsUpTo = eventsUpToReader(TipOffEventRecord, ['tipOffId']);

/** Read side of the tip-off ledger (举报台账): lists, detail, audit trail. Never writes. */
export class TipOffLedgerReader {
  constructor(private readonly dataSource: DataSource) {}

  private get columns(): ReturnType<typeof columnLists> {
    return columnLists(this.dataSource);
  }

  /** Filtered page, the most urgent verification deadline first, with the total for paging. */
  async list(filter: TipOffLedgerFilter = {}): Promise<{ items: TipOffLedgerRow[]; total: number }> {
    const where = new Where()
      .equals('unit_id', filter.bounds?.unitId)
      .equals('status', filter.status)
      .equals('channel', filter.channel)
      .equals('accident_id', filter.accidentId)
      .flag('overdue', filter.overdue);
    // 属地: tips about the reader's region or any region below it, on the registry's current versions.
    const regionId = filter.bounds?.regionId;
    if (regionId !== undefined)
      where.add(`region_id IN (SELECT br.id FROM registry_region br WHERE br.valid_to IS NULL AND ${regionAtOrBelow('br', where.param(regionId))})`);
    return selectPage(
      this.dataSource,
      {
        select: this.columns.row,
        from: 'tip_off_ledger',
        where,
        orderBy: 'deadline ASC, tip_off_id ASC',
        limit: filter.limit,
        offset: filter.offset,
      },
      toLedgerRow,
    );
  }

  async get(tipOffId: string): Promise<TipOffLedgerRow | undefined> {
    const rows: LedgerRecord[] = await this.dataSource.query(`SELECT ${this.columns.row} FROM tip_off_ledger WHERE tip_off_id = $1`, [tipOffId]);
    return rows[0] ? toLedgerRow(rows[0]) : undefined;
  }

  /** The region the tip is about, for the territory check; undefined if the tip is unknown. */
  async regionOf(tipOffId: string): Promise<string | undefined> {
    const rows: Raw[] = await this.dataSource.query('SELECT region_id FROM tip_off_ledger WHERE tip_off_id = $1', [tipOffId]);
    return rows[0]?.region_id;
  }

  /** The last recorded snapshot of the full state (e.g. once the workflow has closed). */
  async snapshot(tipOffId: string): Promise<TipOffState | undefined> {
    const rows: Raw[] = await this.dataSource.query('SELECT state FROM tip_off_ledger WHERE tip_off_id = $1', [tipOffId]);
    return rows[0]?.state;
  }

  /** The tip-off's events that had happened by `asOf` (at ≤ asOf), in seq order: what its state then is folded from. */
  async eventsUpTo(tipOffId: string, asOf: Date): Promise<TipOffEventRow[]> {
    return (await tipOffEventsUpTo(this.dataSource, { tipOffId }, asOf)) as TipOffEventRow[];
  }

  /** A page of the tip's audit trail in the order it happened; `next` is a seq. */
  async events(tipOffId: string, filter: TipOffEventFilter = {}): Promise<EventPage<TipOffEventRow, number>> {
    const size = eventPageSize(filter.limit);
    const where = new Where().equals('e.tip_off_id', tipOffId).after(['e.seq'], filter.afterSeq === undefined ? undefined : [filter.afterSeq]);
    const rows: EventRecordFields[] = await this.dataSource.query(
      `SELECT ${this.columns.event} FROM tip_off_event e ${where} ORDER BY e.seq LIMIT ${where.param(size + 1)}`,
      where.params,
    );
    return toEventPage(
      rows,
      size,
      (r) => eventFields(r) as TipOffEventRow,
      (r) => r.seq,
    );
  }
}
