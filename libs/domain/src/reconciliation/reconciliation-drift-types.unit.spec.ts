import { describe, expect, it } from 'vitest';
import { seqSetDrift } from './ledger-drift';
import { RECONCILIATION_DRIFT_TYPE_LABELS, RECONCILIATION_DRIFT_TYPES, reconciliationDriftType } from './reconciliation-drift-types';
import { RECONCILIATION_KIND_LABELS, RECONCILIATION_KINDS } from './reconciliation-kinds';

describe('the type of a reconciliation finding (台账偏差类型)', () => {
  it('tells an orphan row, an unreadable workflow and a ledger drift apart', () => {
    expect(reconciliationDriftType({ orphanRow: true })).toBe('orphan_row');
    expect(reconciliationDriftType({ error: 'workflow not found' })).toBe('unreadable_workflow');
    expect(reconciliationDriftType({ rowMissing: true, fields: [], missingSeqs: [], extraSeqs: [], alteredSeqs: [] })).toBe('ledger_drift');
    expect(reconciliationDriftType({ orphanRow: false, rowMissing: false })).toBe('ledger_drift');
  });

  it('labels every type and every kind in Chinese, and says an orphan row is kept', () => {
    for (const type of RECONCILIATION_DRIFT_TYPES) expect(RECONCILIATION_DRIFT_TYPE_LABELS[type]).toMatch(/[\u4e00-\u9fff]/);
    for (const kind of RECONCILIATION_KINDS) expect(RECONCILIATION_KIND_LABELS[kind]).toMatch(/[\u4e00-\u9fff]/);
    expect(RECONCILIATION_DRIFT_TYPE_LABELS.orphan_row).toContain('台账有记录而流程不存在');
    expect(RECONCILIATION_DRIFT_TYPE_LABELS.orphan_row).toContain('never deleted');
  });
});

describe('event log compared by seq alone (a workflow that records through a local activity)', () => {
  it('finds nothing when the log holds exactly 1..lastSeq, in any order', () => {
    expect(seqSetDrift(3, [3, 1, 2])).toEqual({ missingSeqs: [], extraSeqs: [], alteredSeqs: [] });
    expect(seqSetDrift(0, [])).toEqual({ missingSeqs: [], extraSeqs: [], alteredSeqs: [] });
  });

  it('names the seqs the log lacks and those beyond lastSeq, in order, and never claims an altered one', () => {
    expect(seqSetDrift(5, [7, 1, 4, 0, 6])).toEqual({ missingSeqs: [2, 3, 5], extraSeqs: [0, 6, 7], alteredSeqs: [] });
    expect(seqSetDrift(2, [])).toMatchObject({ missingSeqs: [1, 2], extraSeqs: [] });
  });
});
