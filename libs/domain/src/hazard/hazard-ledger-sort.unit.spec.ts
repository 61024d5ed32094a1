import { describe, expect, it } from 'vitest';
import { HAZARD_LEDGER_SORT_LABELS, HAZARD_LEDGER_SORTS, hazardLedgerOrder } from './hazard-ledger-sort';

describe('hazardLedgerOrder (隐患台账排序)', () => {
  it('lists by the most urgent deadline first when no sort is asked for', () => {
    expect(hazardLedgerOrder()).toEqual({ fields: ['deadline', 'hazardId'], descending: false });
  });

  it('ends every order with the hazard id, so that equal keys still have one order', () => {
    for (const sort of HAZARD_LEDGER_SORTS) expect(hazardLedgerOrder(sort).fields.at(-1)).toBe('hazardId');
  });

  it('reads a leading minus as the same order reversed', () => {
    expect(hazardLedgerOrder('-reportedAt')).toEqual({ fields: ['reportedAt', 'hazardId'], descending: true });
    expect(hazardLedgerOrder('grade')).toEqual({ fields: ['grade', 'deadline', 'hazardId'], descending: false });
    expect(hazardLedgerOrder('-grade')).toEqual({ fields: ['grade', 'deadline', 'hazardId'], descending: true });
  });

  it('names every sort in Chinese', () => {
    expect(Object.keys(HAZARD_LEDGER_SORT_LABELS).sort()).toEqual([...HAZARD_LEDGER_SORTS].sort());
  });
});
