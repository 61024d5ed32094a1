import { HAZARD_LEDGER_SORTS } from '@duban/domain';
import { describe, expect, it } from 'vitest';
import { hazardLedgerSort, hazardSortHint, tableSortOf } from './hazard-table-sort';

describe('the hazard table’s header sort, as GET /hazards’ `sort`', () => {
  it('asks for a column’s key ascending and `-key` descending', () => {
    expect(hazardLedgerSort('deadline', 'ascending')).toBe('deadline');
    expect(hazardLedgerSort('deadline', 'descending')).toBe('-deadline');
    expect(hazardLedgerSort('reportedAt', 'descending')).toBe('-reportedAt');
    expect(hazardLedgerSort('grade', 'ascending')).toBe('grade');
  });

  it('asks for no sort (the API’s default) when the column is unsorted again or is not one the API sorts by', () => {
    expect(hazardLedgerSort('deadline', null)).toBeUndefined();
    expect(hazardLedgerSort('title', 'ascending')).toBeUndefined();
    expect(hazardLedgerSort(null, 'ascending')).toBeUndefined();
  });

  it('reads every sort the API knows back into the header it came from, and nothing else', () => {
    for (const sort of HAZARD_LEDGER_SORTS) {
      const header = tableSortOf(sort)!;
      expect(hazardLedgerSort(header.prop, header.order)).toBe(sort);
    }
    expect(tableSortOf('title')).toBeUndefined();
    expect(tableSortOf(undefined)).toBeUndefined();
  });

  it('says what the ledger is sorted by, the default when nothing was asked', () => {
    expect(hazardSortHint(undefined)).toContain('整改期限由近及远');
    expect(hazardSortHint(undefined)).toContain('默认');
    expect(hazardSortHint('-grade')).toContain('重大隐患在前');
    expect(hazardSortHint('-grade')).not.toContain('默认');
  });
});
