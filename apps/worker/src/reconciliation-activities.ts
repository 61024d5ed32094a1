import { activityInfo, log } from '@temporalio/activity';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { QueryDefinition } from '@temporalio/common';
import type { History } from '@temporalio/common/lib/proto-utils';
import { decodeFromPayloadsAtIndex } from '@temporalio/common/lib/internal-non-workflow';
import { localActivityMarkerData } from '@duban/audit';
import { hasDrift, type OrphanRowDrift, type ReconciliationKind } from '@duban/domain';
import type { LedgerReconciler, ReconciliationDriftInput, ReconciliationStore, WorkflowProjection } from '@duban/persistence';
import {
  accidentStateQuery,
  campaignViewQuery,
  covertInspectionStateQuery,
  enforcementStateQuery,
  hazardStateQuery,
  tipOffStateQuery,
  unitViewQuery,
  type AccidentActivities,
  type CampaignActivities,
  type CovertInspectionActivities,
  type EnforcementActivities,
  type HazardActivities,
  type ReconciliationActivities,
  type ReconciliationPage,
  type TipOffActivities,
} from '@duban/workflows';

/** Where a kind's truth is: its workflow type, the record activity whose inputs carry its events, its state query. */
interface ReconciliationSource {
  workflowType: string;
  /** null: it records through a local activity, whose input is not in history (its events are compared by seq only). */
  recordActivity: string | null;
  stateQuery: QueryDefinition<unknown, []>;
  /** The state in what the query answers, when that is a view around it. */
  stateOf?: (answer: unknown) => unknown;
}

const viewState = (answer: unknown) => (answer as { state: unknown }).state;

/** Every kind reconciliation knows (RECONCILIATION_KINDS), one way. */
export const RECONCILIATION_SOURCES: Readonly<Record<ReconciliationKind, ReconciliationSource>> = {
  hazard: { workflowType: 'hazardWorkflow', recordActivity: 'recordHazardEvents' satisfies keyof HazardActivities, stateQuery: hazardStateQuery },
  enforcement_case: {
    workflowType: 'enforcementCaseWorkflow',
    recordActivity: 'recordEnforcementEvents' satisfies keyof EnforcementActivities,
    stateQuery: enforcementStateQuery,
  },
  accident: {
    workflowType: 'accidentWorkflow',
    recordActivity: 'recordAccidentEvents' satisfies keyof AccidentActivities,
    stateQuery: accidentStateQuery,
  },
  tip_off: { workflowType: 'tipOffWorkflow', recordActivity: 'recordTipOffEvents' satisfies keyof TipOffActivities, stateQuery: tipOffStateQuery },
  covert_inspection: {
    workflowType: 'covertInspectionWorkflow',
    recordActivity: 'recordCovertInspectionEvents' satisfies keyof CovertInspectionActivities,
    stateQuery: covertInspectionStateQuery,
  },
  campaign: {
    workflowType: 'campaignWorkflow',
    recordActivity: 'recordCampaignEvents' satisfies keyof CampaignActivities,
    stateQuery: campaignViewQuery,
    stateOf: viewState,
  },
  // recordUnitEvents is a local activity: the row is compared with the state, the events by seq only
  // (LedgerProjection.eventComparison). Comparing the events themselves needs the unit's history
  // replayed to capture them (replay capture, libs/audit): not done here.
  campaign_unit: { workflowType: 'unitObligationsWorkflow', recordActivity: null, stateQuery: unitViewQuery, stateOf: viewState },
};

/** Workflows (or ledger rows) per page: each is a history fetch, a query and two small reads (or one describe). */
export const RECONCILIATION_PAGE_SIZE = 100;

/**
 * After a kind's workflows, its ledger rows are scanned for orphans (a row whose workflow does not
 * exist), in pages of their own. The page token says which: the listing's token (base64, which
 * has no ':'), or this prefix and the last key scanned (JSON).
 */
const ROWS_TOKEN = 'rows:';

/**
 * The reconciliation run's I/O (台账核对). A page lists one kind's workflows on this worker's task
 * queue (their state query needs a worker polling it), skipping runs that continued as new (their
 * workflow's latest run stands for them). Each is compared with the ledger; drift is repaired by
 * re-projecting from the workflow and recorded in the report, as is a workflow that could not be
 * read. Then the kind's ledger rows are scanned: a row whose workflow Temporal does not know is
 * reported as an orphan and left in place (the auditors decide). Repeating a page (a retry) finds
 * what the first attempt repaired clean, and rewrites its drift rows only if it found any.
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
      const page = pageToken?.startsWith(ROWS_TOKEN)
        ? await orphanPage(kind, JSON.parse(pageToken.slice(ROWS_TOKEN.length) || 'null'))
        : await workflowPage(kind, pageToken);
      await store.recordDrift(runId, page.drifted);
      return {
        checked: page.checked,
        drifted: page.drifted.length,
        repaired: page.drifted.filter((d) => d.repaired).length,
        nextPageToken: page.next,
      };
    },
  };

  type Found = { checked: number; drifted: ReconciliationDriftInput[]; next: ReconciliationPage['nextPageToken'] };

  async function workflowPage(kind: ReconciliationKind, pageToken: string | null): Promise<Found> {
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
    const more = page.nextPageToken && page.nextPageToken.length > 0;
    return { checked: workflowIds.length, drifted, next: more ? Buffer.from(page.nextPageToken).toString('base64') : ROWS_TOKEN };
  }

  /** One workflow against its ledger: nothing when they match, else what drifted and whether the repair took. */
  async function reconcileOne(kind: ReconciliationKind, workflowId: string): Promise<ReconciliationDriftInput | undefined> {
    const source = RECONCILIATION_SOURCES[kind];
    let aggregateId = workflowId;
    try {
      const answer = await client.workflow.getHandle(workflowId).query(source.stateQuery);
      const state = source.stateOf ? source.stateOf(answer) : answer;
      const recorded = source.recordActivity === null ? { events: [] } : await recordedInputs(client, workflowId, source.recordActivity);
      const projection: WorkflowProjection = { workflowId, state, ...recorded };
      aggregateId = reconciler.aggregateId(kind, state);
      const drift = await reconciler.drift(kind, projection);
      if (!hasDrift(drift)) return undefined;
      await reconciler.repair(kind, projection, drift);
      const repaired = !hasDrift(await reconciler.drift(kind, projection));
      return { kind, aggregateId, workflowId, drift, repaired };
    } catch (error) {
      // One workflow that cannot be read (no worker has its code, its history is gone) must not stop the run: it is reported.
      log.warn('reconciliation could not read a workflow', { workflowId, error: String(error) });
      return { kind, aggregateId, workflowId, drift: { error: error instanceof Error ? error.message : String(error) }, repaired: false };
    }
  }

  /**
   * A page of the kind's ledger rows, each row's workflow described: WorkflowNotFoundError makes it
   * an orphan (台账有记录而流程不存在), reported, never deleted. Only rows written within the
   * namespace's retention are looked at: a workflow closed longer ago is deleted by Temporal by
   * design, and its row is the record that outlives it.
   */
  async function orphanPage(kind: ReconciliationKind, after: string[] | null): Promise<Found> {
    const page = await reconciler.rowsPage(kind, { after, limit: RECONCILIATION_PAGE_SIZE, updatedSince: await retainedSince() });
    const drifted: ReconciliationDriftInput[] = [];
    for (const row of page.rows) {
      try {
        await client.workflow.getHandle(row.workflowId).describe();
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) throw error;
        const drift: OrphanRowDrift = { orphanRow: true };
        drifted.push({ kind, aggregateId: row.aggregateId, workflowId: row.workflowId, drift, repaired: false });
      }
    }
    return { checked: 0, drifted, next: page.last === null ? null : ROWS_TOKEN + JSON.stringify(page.last) };
  }

  /** Now less the namespace's retention of closed workflows; undefined when it keeps them for ever. */
  async function retainedSince(): Promise<Date | undefined> {
    const described = await client.workflowService.describeNamespace({ namespace: client.options.namespace });
    const seconds = Number(described.config?.workflowExecutionRetentionTtl?.seconds ?? 0);
    return seconds > 0 ? new Date(Date.now() - seconds * 1000) : undefined;
  }
}

/**
 * What the workflow projected: the inputs of its record activity (through a local activity, the
 * events it answered, in its marker) in every run, oldest run first
 * (walking back through continue-as-new), their events by seq, and the last input. A retried
 * activity is scheduled once, so each input is here once; a later one for the same seq wins, as
 * it would have in the ledger.
 */
export async function recordedInputs(
  client: Client,
  workflowId: string,
  recordActivity: string,
): Promise<Pick<WorkflowProjection, 'events' | 'lastRecordInput'>> {
  const bySeq = new Map<number, WorkflowProjection['events'][number]>();
  let lastRecordInput: WorkflowProjection['lastRecordInput'];
  const runs: History[] = [];
  for (let runId: string | undefined = undefined; ;) {
    const history: History = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.unshift(history);
    const previous: string | null | undefined = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
    if (!previous) break;
    runId = previous;
  }
  const decode = (payloads: Parameters<typeof decodeFromPayloadsAtIndex>[2]) =>
    decodeFromPayloadsAtIndex<{ events: WorkflowProjection['events'] } & Record<string, unknown>>(client.options.loadedDataConverter, 0, payloads);
  for (const history of runs)
    for (const event of history.events ?? []) {
      const scheduled = event.activityTaskScheduledEventAttributes;
      if (scheduled?.activityType?.name === recordActivity) {
        const input = await decode(scheduled.input?.payloads);
        for (const recorded of input.events) bySeq.set(recorded.seq, recorded);
        lastRecordInput = input;
        continue;
      }
      // Projected through a local activity: its input is not in history, the events it answers are (its marker's result).
      const result = event.markerRecordedEventAttributes?.details?.result?.payloads;
      if (localActivityMarkerData(event)?.activity_type !== recordActivity || !result?.length) continue;
      const answered = await decode(result);
      for (const recorded of answered.events ?? []) bySeq.set(recorded.seq, recorded);
    }
  return { events: [...bySeq.values()].sort((a, b) => a.seq - b.seq), lastRecordInput };
}
