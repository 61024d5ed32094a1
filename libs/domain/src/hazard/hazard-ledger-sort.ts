/** The orders the hazard ledger (隐患台账) is listed and exported in; a leading `-` reverses one. */
export const HAZARD_LEDGER_SORTS = ['deadline', '-deadline', 'reportedAt', '-reportedAt', 'grade', '-grade'] as const;
export type HazardLedgerSort = (typeof HAZARD_LEDGER_SORTS)[number];

/** Most urgent deadline first: the ledger's order when none is asked for. */
export const HAZARD_LEDGER_SORT_DEFAULT: HazardLedgerSort = 'deadline';

export const HAZARD_LEDGER_SORT_LABELS: Record<HazardLedgerSort, string> = {
  deadline: '整改期限由近及远 (deadline, most urgent first)',
  '-deadline': '整改期限由远及近 (deadline, latest first)',
  reportedAt: '登记时间由早到晚 (reported, oldest first)',
  '-reportedAt': '登记时间由晚到早 (reported, newest first)',
  grade: '一般隐患在前 (grade, general first)',
  '-grade': '重大隐患在前 (grade, major first)',
};

/** A ledger field an order compares. */
export type HazardLedgerOrderField = 'deadline' | 'reportedAt' | 'grade' | 'hazardId';

/** The fields a sort compares, in turn, and whether all of them run backwards. */
export interface HazardLedgerOrder {
  fields: readonly HazardLedgerOrderField[];
  descending: boolean;
}

// Each order ends with the hazard's id, unique, so it is total: paging (by offset or by keyset) never
// repeats or skips a row among equal deadlines. Grade has two values: within one, the deadline's order.
const FIELDS: Record<'deadline' | 'reportedAt' | 'grade', readonly HazardLedgerOrderField[]> = {
  deadline: ['deadline', 'hazardId'],
  reportedAt: ['reportedAt', 'hazardId'],
  grade: ['grade', 'deadline', 'hazardId'],
};

/** The order `sort` stands for: `-x` is x's order read from its end (every field reversed, so one index serves both). */
export function hazardLedgerOrder(sort: HazardLedgerSort = HAZARD_LEDGER_SORT_DEFAULT): HazardLedgerOrder {
  const descending = sort.startsWith('-');
  return { fields: FIELDS[(descending ? sort.slice(1) : sort) as keyof typeof FIELDS], descending };
}
