import { Client as PgClient } from 'pg';
import { Client, Connection } from '@temporalio/client';
import { hazardWorkflowId, type Actor } from '@duban/domain';
import { hazardStateQuery } from '@duban/workflows';
import type { Acknowledged, FaultClients } from './fault-clients';
import { inParallel } from './fault-clients';

/** What the suite found after one fault: every acknowledged action looked for in the workflow and in the ledger. */
export interface FaultTally {
  acknowledged: number;
  /** Acknowledged, yet missing from the workflow's state or from the ledger's events. */
  /** Over every action acknowledged so far: missing from the workflows' state, or counted there twice. */
  lostInWorkflow: number;
  doubledInWorkflow: number;
  lostInLedger: number;
  /** Acknowledged once, recorded more than once: events carrying its token, beyond the first. */
  duplicated: number;
  /** Ledger events with the same (hazard, type, data) as another: an event applied twice whatever its action. */
  duplicateEvents: number;
  /** The reconciliation run's count of aggregates whose ledger differs from the workflow. */
  drift: number;
  reconciliationRunId: string;
}

const reconciler: Actor = { id: 'office-fault-suite', name: '安委办 故障演练', role: 'office' };

async function withLedger<T>(port: number, use: (client: PgClient) => Promise<T>): Promise<T> {
  const client = new PgClient({ host: '127.0.0.1', port, user: 'postgres', password: 'postgres', database: 'duban' });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** For each acknowledged action, the number of the hazard's ledger events whose data carries its token. */
export async function ledgerCounts(port: number, acknowledged: Acknowledged[]): Promise<{ counts: number[]; duplicateEvents: number }> {
  const hazardIds = [...new Set(acknowledged.map((a) => a.hazardId))];
  return withLedger(port, async (client) => {
    const { rows } = await client.query<{ hazard_id: string; text: string }>(
      'SELECT hazard_id, data::text || reason AS text FROM hazard_event WHERE hazard_id = ANY($1)',
      [hazardIds],
    );
    const byHazard = new Map<string, string[]>();
    for (const row of rows) byHazard.set(row.hazard_id, [...(byHazard.get(row.hazard_id) ?? []), row.text]);
    const counts = acknowledged.map((a) => (byHazard.get(a.hazardId) ?? []).filter((text) => text.includes(a.token)).length);
    const dup = await client.query<{ n: number }>(
      `SELECT coalesce(sum(n - 1), 0)::int AS n FROM (
         SELECT count(*) AS n FROM hazard_event WHERE hazard_id = ANY($1) GROUP BY hazard_id, type, data, reason HAVING count(*) > 1) d`,
      [hazardIds],
    );
    return { counts, duplicateEvents: dup.rows[0]!.n };
  });
}

/**
 * Each hazard workflow's own state against every action acknowledged on it so far: its report
 * and plan carry their tokens; progress texts live only in the event log, so the state's
 * `progressReportCount` must equal the number of acknowledged progress reports. Answers the
 * actions missing from the workflows and those counted there twice.
 */
async function againstWorkflows(
  temporalAddress: string,
  namespace: string,
  acknowledged: Acknowledged[],
): Promise<{ lost: number; doubled: number }> {
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    const client = new Client({ connection, namespace });
    let lost = 0;
    let doubled = 0;
    await inParallel([...new Set(acknowledged.map((a) => a.hazardId))], 8, async (hazardId) => {
      const state = await whileNoWorkerPolls(() => client.workflow.getHandle(hazardWorkflowId(hazardId)).query(hazardStateQuery));
      const text = JSON.stringify(state);
      const mine = acknowledged.filter((a) => a.hazardId === hazardId);
      lost += mine.filter((a) => a.what !== 'progress' && !text.includes(a.token)).length;
      const progress = mine.filter((a) => a.what === 'progress').length;
      lost += Math.max(0, progress - state.progressReportCount);
      doubled += Math.max(0, state.progressReportCount - progress);
    });
    return { lost, doubled };
  } finally {
    await connection.close();
  }
}

/**
 * A query is answered by a worker: right after a worker-kill fault the one that held the workflow
 * may still be restarting, and Temporal refuses at once (FAILED_PRECONDITION, no poller seen).
 * Asked again for up to 60 s; any other error, or a worker still missing then, fails the tally.
 */
async function whileNoWorkerPolls<T>(ask: () => Promise<T>): Promise<T> {
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      return await ask();
    } catch (error) {
      // The client's ServiceError says 'Failed to query Workflow'; the server's reason is its cause.
      const noPoller = error instanceof Error && /no poller seen/.test(`${error.message} ${String(error.cause ?? '')}`);
      if (!noPoller || Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}

/** POST /reconciliation/runs, then its report once finished: the drift it found (and repaired). */
async function reconcile(clients: FaultClients, reason: string): Promise<{ runId: string; drift: number }> {
  const started = await clients.write(reconciler, '/reconciliation/runs', { reason });
  if (!started || started.status >= 300) throw new Error(`reconciliation did not start: ${started?.status} ${JSON.stringify(started?.body)}`);
  const runId: string = started.body.runId;
  const until = Date.now() + 300_000;
  for (;;) {
    const report = await clients.once(reconciler, 'GET', `/reconciliation/runs/${runId}`);
    if (report?.status === 200 && report.body.finishedAt) return { runId, drift: report.body.drifted };
    if (Date.now() > until) throw new Error(`reconciliation ${runId} did not finish within 300 s`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/** The tally after `fault`: its actions in the workflows and the ledger, then reconciliation's drift. */
export async function tallyFault(
  fault: string,
  clients: FaultClients,
  cluster: { ledgerPort: number; temporalAddress: string; namespace: string },
): Promise<FaultTally> {
  const acknowledged = clients.acknowledged.filter((a) => a.fault === fault);
  const { counts, duplicateEvents } = await ledgerCounts(cluster.ledgerPort, acknowledged);
  // Against every acknowledgement so far (the hazards carry the earlier faults' actions too).
  const inWorkflows = await againstWorkflows(cluster.temporalAddress, cluster.namespace, clients.acknowledged);
  const { runId, drift } = await reconcile(clients, `故障演练核对 (fault suite: after ${fault})`);
  return {
    acknowledged: acknowledged.length,
    lostInWorkflow: inWorkflows.lost,
    doubledInWorkflow: inWorkflows.doubled,
    lostInLedger: counts.filter((n) => n === 0).length,
    duplicated: counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    duplicateEvents,
    drift,
    reconciliationRunId: runId,
  };
}
