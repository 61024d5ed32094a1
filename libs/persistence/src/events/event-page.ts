import { clampInt, LEDGER_PAGE_MAX } from '../sql/where';

/** Events per audit-trail page when no limit is asked for, and the most one page may hold. */
export const EVENT_PAGE_DEFAULT = 100;
export const EVENT_PAGE_MAX = LEDGER_PAGE_MAX;

/**
 * One page of an audit trail (履职记录), in its keyset order. `next` is the key of the page's
 * last event, to continue after; null on the last page. Keyset, not offset: a page deep in a
 * 3,000-unit campaign's trail costs what the first one does.
 */
export interface EventPage<T, K> {
  items: T[];
  next: K | null;
}

/** The page size for `limit`: clamped to 1..EVENT_PAGE_MAX, EVENT_PAGE_DEFAULT when absent. */
export function eventPageSize(limit: number | undefined): number {
  return clampInt(limit, EVENT_PAGE_DEFAULT, 1, EVENT_PAGE_MAX);
}

/**
 * The page from rows fetched one past its size: the extra row only says that a next page
 * exists, so the last page is never an empty one.
 */
export function toEventPage<R, T, K>(rows: R[], size: number, toRow: (r: R) => T, keyOf: (r: R) => K): EventPage<T, K> {
  const page = rows.slice(0, size);
  return { items: page.map(toRow), next: rows.length > size ? keyOf(page[page.length - 1]!) : null };
}
