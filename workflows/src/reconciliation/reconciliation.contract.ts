import type { Actor, ReconciliationKind } from '@duban/domain';

/**
 * Reconciliation (台账核对): every workflow's authoritative state and events compared with its
 * PostgreSQL ledger, drift repaired by re-projecting from the workflow, a report kept. The
 * workflow a nightly Schedule starts or an office on demand, and its activities. Imported by the
 * worker, the API and the tests.
 */
export interface ReconciliationInput {
  /** Default: Duban's system actor (the Schedule). */
  startedBy?: Actor;
  /** Default: the nightly run's. */
  reason?: string;
  /** Carried across continue-as-new: the page the run goes on from and what it counted so far. */
  resume?: { from: ReconciliationPosition; counts: ReconciliationCounts };
}

/**
 * A page of one kind: a token the page activity gave (null: the kind's first page), opaque here.
 * The activity pages through the kind's workflows, then its ledger rows (the orphan scan).
 */
export interface ReconciliationPosition {
  kind: ReconciliationKind;
  pageToken: string | null;
}

export interface ReconciliationCounts {
  checked: number;
  drifted: number;
  repaired: number;
}

export interface ReconciliationResult extends ReconciliationCounts {
  /** The run's id: its workflow id. */
  runId: string;
}

/** One page of one kind's workflows, reconciled: its counts and the next page's token (null: the kind is done). */
export interface ReconciliationPage extends ReconciliationCounts {
  nextPageToken: string | null;
}

/** The run's I/O; each is repeatable (the report's rows are keyed by run, kind and aggregate). */
export interface ReconciliationActivities {
  startReconciliationRun(input: { runId: string; startedAt: string; startedBy: Actor; reason: string }): Promise<void>;
  reconcileLedgerPage(input: { runId: string; kind: ReconciliationKind; pageToken: string | null }): Promise<ReconciliationPage>;
  finishReconciliationRun(input: { runId: string; finishedAt: string; counts: ReconciliationCounts }): Promise<void>;
}

export const NIGHTLY_RECONCILIATION_REASON = '每日台账核对 (nightly reconciliation)';

/** The Schedule that runs it nightly, 02:30 China time (after the day's record runs, before the offices open). */
export const RECONCILIATION_SCHEDULE = {
  scheduleId: 'reconciliation-nightly',
  workflowType: 'reconciliationWorkflow',
  workflowIdPrefix: 'reconciliation',
  calendar: { hour: 2, minute: 30 },
  timezone: 'Asia/Shanghai',
  catchupWindow: '1 day',
  note: '台账核对: every ledger row and event compared with its workflow, drift repaired by re-projecting from the workflow',
} as const;

/** The id of a run started on demand (the Schedule appends its own timestamp to its runs). */
export const reconciliationWorkflowId = (id: string) => `${RECONCILIATION_SCHEDULE.workflowIdPrefix}-${id}`;
