import { activityInfo, log } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { QueryDefinition } from '@temporalio/common';
import type { History } from '@temporalio/common/lib/proto-utils';
import { decodeFromPayloadsAtIndex } from '@temporalio/common/lib/internal-non-workflow';
import {
  accidentWorkflowId,
  enforcementCaseWorkflowId,
  hasDrift,
  hazardWorkflowId,
  ledgerDrift,
  tipOffWorkflowId,
  type ReconciliationKind,
} from '@duban/domain';
import type { LedgerReconciler, ReconciliationDriftInput, ReconciliationStore, WorkflowProjection } from '@duban/persistence';
import {
  accidentStateQuery,
  enforcementStateQuery,
  hazardStateQuery,
  tipOffStateQuery,
  type AccidentActivities,
  type EnforcementActivities,
  type HazardActivities,
  type ReconciliationActivities,
  type TipOffActivities,
} from '@duban/workflows';

/** Where a kind's truth is: its workflow type, the record activity whose inputs carry its events, its state query, its ids. */
interface ReconciliationSource {
  workflowType: string;
  recordActivity: string;
  stateQuery: QueryDefinition<unknown, []>;
  workflowId: (aggregateId: string) => string;
}

/** Every kind reconciliation knows (RECONCILIATION_KINDS), one way. */
export const RECONCILIATION_SOURCES: Readonly<Record<ReconciliationKind, ReconciliationSource>> = {
  hazard: {
    workflowType: 'hazardWorkflow',
    recordActivity: 'recordHazardEvents' satisfies keyof HazardActivities,
    stateQuery: hazardStateQuery,
    workflowId: hazardWorkflowId,
  },
  enforcement_case: {
    workflowType: 'enforcementCaseWorkflow',
    recordActivity: 'recordEnforcementEvents' satisfies keyof EnforcementActivities,
    stateQuery: enforcementStateQuery,
    workflowId: enforcementCaseWorkflowId,
  },
  accident: {
    workflowType: 'accidentWorkflow',
    recordActivity: 'recordAccidentEvents' satisfies keyof AccidentActivities,
    stateQuery: accidentStateQuery,
    workflowId: accidentWorkflowId,
  },
  tip_off: {
    workflowType: 'tipOffWorkflow',
    recordActivity: 'recordTipOffEvents' satisfies keyof TipOffActivities,
    stateQuery: tipOffStateQuery,
    workflowId: tipOffWorkflowId,
  },
};

/** Workflows per page: each is a history fetch, a query and two small reads. */
export const RECONCILIATION_PAGE_SIZE = 100;

/**
 * The reconciliation run's I/O (台账核对). A page lists one kind's workflows on this worker's task
 * queue (their state query needs a worker polling it), skipping runs that continued as new (their
 * workflow's latest run stands for them). Each is compared with the ledger; drift is repaired by
 * re-projecting from the workflow and recorded in the report, as is a workflow that could not be
 * read. Repeating a page (a retry) finds what the first attempt repaired clean, and rewrites its drift rows only if it found any.
 */
export function createReconciliationActivities(deps: {
  client: Client;
  reconciler: LedgerReconciler;
  store: ReconciliationStore;
}): ReconciliationActivities {
  const { client, reconciler, store } = deps;
  return {
    startReconciliationRun: (input) => store.startRun(input),
    finishReconciliationRun: (input) => store.finishRun(input.runId, input.finishedAt, input.counts),
    async reconcileLedgerPage({ runId, kind, pageToken }) {
      const source = RECONCILIATION_SOURCES[kind];
      const query = `WorkflowType = '${source.workflowType}' AND TaskQueue = '${activityInfo().taskQueue}' AND ExecutionStatus != 'ContinuedAsNew'`;
      const page = await client.workflowService.listWorkflowExecutions({
        namespace: client.options.namespace,
        query,
        pageSize: RECONCILIATION_PAGE_SIZE,
        nextPageToken: pageToken === null ? undefined : Buffer.from(pageToken, 'base64'),
      });
      const workflowIds = [...new Set(page.executions.map((e) => e.execution?.workflowId ?? ''))].filter((id) => id !== '');
      const drifted: ReconciliationDriftInput[] = [];
      for (const workflowId of workflowIds) {
        const found = await reconcileOne(kind, workflowId);
        if (found) drifted.push(found);
      }
      await store.recordDrift(runId, drifted);
      const next = page.nextPageToken && page.nextPageToken.length > 0 ? Buffer.from(page.nextPageToken).toString('base64') : null;
      return { checked: workflowIds.length, drifted: drifted.length, repaired: drifted.filter((d) => d.repaired).length, nextPageToken: next };
    },
  };

  /** One workflow against its ledger: nothing when they match, else what drifted and whether the repair took. */
  async function reconcileOne(kind: ReconciliationKind, workflowId: string): Promise<ReconciliationDriftInput | undefined> {
    const source = RECONCILIATION_SOURCES[kind];
    let aggregateId = workflowId.slice(source.workflowId('').length);
    try {
      const state = await client.workflow.getHandle(workflowId).query(source.stateQuery);
      const projection: WorkflowProjection = { workflowId, state, events: await recordedEvents(client, workflowId, source.recordActivity) };
      aggregateId = reconciler.aggregateId(kind, state);
      const expected = reconciler.expected(kind, projection);
      const drift = ledgerDrift(expected, await reconciler.found(kind, aggregateId));
      if (!hasDrift(drift)) return undefined;
      await reconciler.repair(kind, projection, drift);
      const repaired = !hasDrift(ledgerDrift(expected, await reconciler.found(kind, aggregateId)));
      return { kind, aggregateId, workflowId, drift, repaired };
    } catch (error) {
      // One workflow that cannot be read (no worker has its code, its history is gone) must not stop the run: it is reported.
      log.warn('reconciliation could not read a workflow', { workflowId, error: String(error) });
      return { kind, aggregateId, workflowId, drift: { error: error instanceof Error ? error.message : String(error) }, repaired: false };
    }
  }
}

/**
 * Every event the workflow projected: the inputs of its record activity in every run, oldest run
 * first (walking back through continue-as-new), by seq. A retried activity is scheduled once, so
 * each input is here once; a later one for the same seq wins, as it would have in the ledger.
 */
export async function recordedEvents(client: Client, workflowId: string, recordActivity: string): Promise<WorkflowProjection['events']> {
  const bySeq = new Map<number, WorkflowProjection['events'][number]>();
  const runs: History[] = [];
  for (let runId: string | undefined = undefined; ;) {
    const history: History = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.unshift(history);
    const previous: string | null | undefined = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
    if (!previous) break;
    runId = previous;
  }
  for (const history of runs)
    for (const event of history.events ?? []) {
      const scheduled = event.activityTaskScheduledEventAttributes;
      if (scheduled?.activityType?.name !== recordActivity) continue;
      const input = await decodeFromPayloadsAtIndex<{ events: WorkflowProjection['events'] }>(
        client.options.loadedDataConverter,
        0,
        scheduled.input?.payloads,
      );
      for (const recorded of input.events) bySeq.set(recorded.seq, recorded);
    }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
