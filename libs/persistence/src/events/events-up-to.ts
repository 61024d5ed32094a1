import type { DataSource } from 'typeorm';
import { EntityTable, perDataSource, selectColumns, type PropertyOf } from '../sql/entity-table';
import { Where } from '../sql/where';
import { EVENT_PAGE_MAX, eventPageSize, toEventPage } from './event-page';
import { EVENT_FIELDS, eventFields, type EventRecordFields } from './event-row';
import type { LedgerEventColumns, RecordedLedgerEvent } from './ledger-event-columns';

/** One stream's events that had happened by `asOf` (at ≤ asOf), in seq order; the stream is named by its key columns' values. */
export type EventsUpTo<K extends string, Carried = unknown> = (
  dataSource: DataSource,
  keys: Record<K, string>,
  asOf: Date,
) => Promise<Array<RecordedLedgerEvent & Carried>>;

/**
 * The reader of one stream's events up to a moment, for any event log (hazard_event,
 * campaign_event, …) whose entity extends LedgerEventColumns: what the state as of a moment is
 * folded from. Read in keyset pages on (`key`…, seq), the logs' unique index, as the audit
 * trail is, so a long stream is never one answer. `carried`: the log's own columns its events
 * carry beyond the shared ones (an enforcement event's legalBasis), which the fold needs too.
 */
export function eventsUpToReader<E extends LedgerEventColumns, K extends PropertyOf<E> & string, C extends PropertyOf<E> & string = never>(
  entity: new () => E,
  key: readonly K[],
  carried: readonly C[] = [],
): EventsUpTo<K, Pick<E, C>> {
  const statements = perDataSource((dataSource) => {
    const table = EntityTable.of(dataSource, entity);
    return {
      table: table.name,
      select: selectColumns(table.only(...(EVENT_FIELDS as unknown as readonly PropertyOf<E>[]), ...carried)),
      keys: table.only(...key),
    };
  });
  const withCarried = (r: EventRecordFields): RecordedLedgerEvent & Pick<E, C> => {
    const extra = Object.fromEntries(carried.map((c) => [c, (r as unknown as Record<string, unknown>)[c]]));
    return { ...eventFields(r), ...extra } as RecordedLedgerEvent & Pick<E, C>;
  };
  return async (dataSource, keys, asOf) => {
    const sql = statements(dataSource);
    const size = eventPageSize(EVENT_PAGE_MAX);
    const events: Array<RecordedLedgerEvent & Pick<E, C>> = [];
    let afterSeq: number | undefined;
    do {
      const where = new Where();
      for (const column of sql.keys) where.equals(`"${column.name}"`, keys[column.property]);
      where.add(`at <= ${where.param(asOf.toISOString())}::timestamptz`).after(['seq'], afterSeq === undefined ? undefined : [afterSeq]);
      const rows: EventRecordFields[] = await dataSource.query(
        `SELECT ${sql.select} FROM ${sql.table} ${where} ORDER BY seq LIMIT ${where.param(size + 1)}`,
        where.params,
      );
      const page = toEventPage(rows, size, withCarried, (r) => r.seq);
      events.push(...page.items);
      afterSeq = page.next ?? undefined;
    } while (afterSeq !== undefined);
    return events;
  };
}
