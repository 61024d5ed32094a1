import type { ActivityOptions } from '@temporalio/common';
import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import { ACTIVITY_RETRY } from './activity-retry';
import { LEDGER_ACTIVITY_TIMEOUT } from './activity-timeouts';

const LEDGER_PROJECTION_OPTIONS: Pick<ActivityOptions, 'startToCloseTimeout' | 'retry'> = {
  startToCloseTimeout: LEDGER_ACTIVITY_TIMEOUT,
  retry: ACTIVITY_RETRY,
};

/**
 * What a ledger projection answers: the events it wrote. A local activity's input is not kept in
 * history but its result is (in its marker): reconciliation (台账核对) reads the events back from there.
 */
export interface ProjectedEvents<Event> {
  events: Event[];
}

/**
 * The activities a workflow writes its ledger through (台账 projections), local where the run's
 * `localPatch` is patched in. A local activity runs in the workflow task that decided the events:
 * an update's answer then waits for one PostgreSQL write, not for a second round trip through the
 * Temporal server (a scheduled activity task, its poll and completion, another workflow task), and
 * the history pays one marker instead of three events and a task. The projections are idempotent
 * writes, so the re-run a crashed workflow task brings is harmless. Runs recorded before (no
 * marker) keep their scheduled activities, so their histories replay. Not for a projection that
 * updates its own workflow (an accident tells itself of its linked hazards): its update would wait
 * on the very task the local activity holds open.
 *
 * Call it once, at the start of the workflow function: patched() must be read in the same place
 * on every replay.
 */
export function ledgerProjection<A extends object>(localPatch: string) {
  return patched(localPatch) ? proxyLocalActivities<A>(LEDGER_PROJECTION_OPTIONS) : proxyActivities<A>(LEDGER_PROJECTION_OPTIONS);
}
