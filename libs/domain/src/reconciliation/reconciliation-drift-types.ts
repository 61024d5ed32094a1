/**
 * What kind of finding a report row is (台账偏差类型): the ledger differs from its workflow, the
 * ledger holds a row whose workflow does not exist, or the workflow could not be read. An orphan
 * row is never deleted by a run: it may be the only trace left of a workflow, and the auditors
 * decide what it is.
 */
export const RECONCILIATION_DRIFT_TYPES = ['ledger_drift', 'orphan_row', 'unreadable_workflow'] as const;

export type ReconciliationDriftType = (typeof RECONCILIATION_DRIFT_TYPES)[number];

export const RECONCILIATION_DRIFT_TYPE_LABELS: Readonly<Record<ReconciliationDriftType, string>> = {
  ledger_drift: '台账与流程不一致，已按流程重新投影 (ledger differs from its workflow; re-projected from it)',
  orphan_row: '台账有记录而流程不存在，保留待核查 (ledger row without a workflow; kept for the auditors, never deleted)',
  unreadable_workflow: '流程无法读取 (the workflow could not be read)',
};

/** A ledger row whose workflow Temporal does not know (WorkflowNotFoundError on describe). */
export interface OrphanRowDrift {
  orphanRow: true;
}

/** The type of a report row's drift, as the run stored it (a LedgerDrift, an OrphanRowDrift or `{ error }`). */
export function reconciliationDriftType(drift: unknown): ReconciliationDriftType {
  if (typeof drift === 'object' && drift !== null) {
    if ((drift as Partial<OrphanRowDrift>).orphanRow === true) return 'orphan_row';
    if ('error' in drift) return 'unreadable_workflow';
  }
  return 'ledger_drift';
}
