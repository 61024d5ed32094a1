import { describe, expect, it } from 'vitest';
import { rolesAllowed } from '../permissions';
import { hasDrift, ledgerDrift, type ProjectedEvent } from './ledger-drift';
import { authorizeReconciliationAction, RECONCILIATION_PERMISSIONS } from './reconciliation-permissions';

const row = { hazardId: 'H-1', status: 'rectifying', deadline: '2026-07-01T00:00:00.000Z', version: 3, state: { a: 1, b: { c: [1, 2] } } };
const event = (seq: number, reason = '整改') => ({ seq, fields: { seq, type: 'progress_reported', reason, data: { n: seq } } });
const events: ProjectedEvent[] = [event(1), event(2), event(3)];

describe('ledger drift (台账偏差): the ledger compared with the workflow’s projection', () => {
  it('finds none when the ledger holds exactly the projection, jsonb key order aside', () => {
    const found = { row: { ...row, state: { b: { c: [1, 2] }, a: 1 } }, events: [...events].reverse() };
    const drift = ledgerDrift({ row, events }, found);
    expect(drift).toEqual({ rowMissing: false, fields: [], missingSeqs: [], extraSeqs: [], alteredSeqs: [] });
    expect(hasDrift(drift)).toBe(false);
  });

  it('names a missing row (and all its events missing when the log is gone too)', () => {
    const drift = ledgerDrift({ row, events }, { row: null, events: [] });
    expect(drift).toMatchObject({ rowMissing: true, fields: [], missingSeqs: [1, 2, 3] });
    expect(hasDrift(drift)).toBe(true);
  });

  it('names each altered field with the value expected and the value found', () => {
    const found = { row: { ...row, status: 'signed_off', state: { a: 2, b: { c: [1, 2] } } }, events };
    expect(ledgerDrift({ row, events }, found).fields).toEqual([
      { field: 'state', expected: row.state, found: { a: 2, b: { c: [1, 2] } } },
      { field: 'status', expected: 'rectifying', found: 'signed_off' },
    ]);
  });

  it('tells a column the ledger lacks or holds beyond the projection, null and absent being one', () => {
    const found = { row: { ...row, extra: 'x', version: undefined }, events };
    expect(ledgerDrift({ row: { ...row, empty: null }, events }, { row: { ...row }, events }).fields).toEqual([]);
    expect(ledgerDrift({ row, events }, found).fields).toEqual([
      { field: 'extra', expected: null, found: 'x' },
      { field: 'version', expected: 3, found: null },
    ]);
  });

  it('names missing, extra and altered event seqs, in order', () => {
    const found = { row, events: [event(5), event(1), event(3, '已整改'), event(4)] };
    const drift = ledgerDrift({ row, events }, found);
    expect(drift).toMatchObject({ missingSeqs: [2], extraSeqs: [4, 5], alteredSeqs: [3], fields: [] });
    expect(hasDrift(drift)).toBe(true);
  });
});

describe('who may reconcile the ledger (台账核对)', () => {
  it('lets the office run it, the office and auditors read its reports, and no one else', () => {
    expect(rolesAllowed(RECONCILIATION_PERMISSIONS, 'run')).toEqual(['office']);
    expect(rolesAllowed(RECONCILIATION_PERMISSIONS, 'read')).toEqual(['office', 'auditor']);
    const auditor = { id: 'a-1', name: '纪委监委 陈', role: 'auditor' as const };
    expect(() => authorizeReconciliationAction('run', auditor)).toThrow(expect.objectContaining({ code: 'permission.role_not_allowed' }));
    expect(() => authorizeReconciliationAction('read', auditor)).not.toThrow();
  });
});
