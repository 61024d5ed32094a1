/**
 * Start-to-close of the activities that write a workflow's events to its ledger (projections) or
 * read one row: a single short transaction, well under a second even on a loaded 2-core machine.
 * The timeout is also how long Temporal waits before retrying one that was running on a worker
 * that died (kill -9, OOM, a lost host): at 30 s every update waiting on its projection stalled
 * that long after each worker kill (issue 13's fault suite); at 10 s recovery is a third of that
 * and a slow write still has ten times its usual time. Activities that can run long (a campaign's
 * fan-out, a reconciliation page, an accident-record review) keep their own, longer timeouts.
 */
export const LEDGER_ACTIVITY_TIMEOUT = '10 seconds';
