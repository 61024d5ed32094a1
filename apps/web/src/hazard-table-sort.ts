import { HAZARD_LEDGER_SORT_DEFAULT, HAZARD_LEDGER_SORT_LABELS, HAZARD_LEDGER_SORTS, type HazardLedgerSort } from '@duban/domain';

/** The hazard table's sortable columns (el-table `prop`), each one of GET /hazards' `sort` keys. */
export const SORTABLE_HAZARD_COLUMNS = ['deadline', 'reportedAt', 'grade'] as const;
export type SortableHazardColumn = (typeof SORTABLE_HAZARD_COLUMNS)[number];

/** A column's order as Element Plus' el-table reports it (`sort-change`): null when the column is unsorted again. */
export type TableOrder = 'ascending' | 'descending' | null;

/**
 * The `sort` GET /hazards is asked for when the table's header says `prop` in `order`: the key
 * itself ascending, `-key` descending; undefined (no `sort` sent, the API's default) when no
 * column is sorted or the column is not one the API sorts by.
 */
export function hazardLedgerSort(prop: string | null | undefined, order: TableOrder): HazardLedgerSort | undefined {
  if (!order || !(SORTABLE_HAZARD_COLUMNS as readonly string[]).includes(prop ?? '')) return undefined;
  return `${order === 'descending' ? '-' : ''}${prop}` as HazardLedgerSort;
}

/** The table header's state for a `sort` (a link's `?sort=`): which column shows which arrow; none for an unknown or absent one. */
export function tableSortOf(sort: string | undefined): { prop: SortableHazardColumn; order: Exclude<TableOrder, null> } | undefined {
  if (!(HAZARD_LEDGER_SORTS as readonly string[]).includes(sort ?? '')) return undefined;
  const descending = sort!.startsWith('-');
  return { prop: (descending ? sort!.slice(1) : sort) as SortableHazardColumn, order: descending ? 'descending' : 'ascending' };
}

/** What the page's hint says the ledger is sorted by (the domain's words; the API's default when none is asked for). */
export function hazardSortHint(sort: HazardLedgerSort | undefined): string {
  return `排序 Sorted by：${HAZARD_LEDGER_SORT_LABELS[sort ?? HAZARD_LEDGER_SORT_DEFAULT]}${sort ? '' : '，默认 (default)'}`;
}
