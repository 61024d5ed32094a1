import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { fetchWorkflowHistories, WorkflowHistoryNotFound, type WorkflowRun } from './workflow-histories';
import { replayHistories } from './replay-histories';
import type { ReplayBundle } from './replay-bundle';
import { countdownWorkflow } from './testing/replay-test-workflows';

/** The test workflows' bundle (a few small functions: quick to bundle), both to run them and to replay them. */
let bundle: ReplayBundle;
let connection: Connection;
let client: Client;
let chain: { workflowId: string; runs: WorkflowRun[] };

/** The same runs, each history's workflow type renamed: replayed against other code than the one that made them. */
function asType(runs: WorkflowRun[], name: string): WorkflowRun[] {
  return runs.map((run) => {
    const [started, ...rest] = run.history.events!;
    const attributes = { ...started.workflowExecutionStartedEventAttributes, workflowType: { name } };
    return { ...run, history: { events: [{ ...started, workflowExecutionStartedEventAttributes: attributes }, ...rest] } };
  });
}

beforeAll(async () => {
  const { code } = await bundleWorkflowCode({
    workflowsPath: path.join(__dirname, 'testing', 'replay-test-workflows.ts'),
    logger: new DefaultLogger('WARN'),
  });
  bundle = { code };
  connection = await Connection.connect({ address: inject('temporalAddress') });
  client = new Client({ connection, namespace: inject('temporalNamespace') });
  const nativeConnection = await NativeConnection.connect({ address: inject('temporalAddress') });
  const taskQueue = `audit-replay-${randomUUID()}`;
  const worker = await Worker.create({ connection: nativeConnection, namespace: inject('temporalNamespace'), taskQueue, workflowBundle: bundle });
  const workflowId = `audit-countdown-${randomUUID()}`;
  await worker.runUntil(client.workflow.execute(countdownWorkflow, { taskQueue, workflowId, args: [3] }));
  await nativeConnection.close();
  chain = { workflowId, runs: await fetchWorkflowHistories(client, workflowId) };
});

afterAll(async () => {
  await connection?.close();
});

describe('fetchWorkflowHistories and replayHistories (real Temporal)', () => {
  it('fetches every run of a workflow that continued as new, first to last, and each replays ok', async () => {
    const { workflowId, runs } = chain;
    expect(runs).toHaveLength(3);
    // First to last: each run continued from the one before, and the last is the one the id names now.
    expect(runs[0].history.events![0].workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined).toBeUndefined();
    for (const [i, run] of runs.entries()) {
      if (i > 0) expect(run.history.events![0].workflowExecutionStartedEventAttributes?.continuedExecutionRunId).toBe(runs[i - 1].runId);
      expect(run.eventCount).toBe(run.history.events!.length);
    }
    expect(runs.at(-1)!.runId).toBe((await client.workflow.getHandle(workflowId).describe()).runId);

    const replays = await replayHistories(bundle, runs);
    expect(replays.map((r) => [r.runId, r.ok, r.eventCount])).toEqual(runs.map((r) => [r.runId, true, r.eventCount]));
  });

  it('reports a history replayed against changed code as nondeterminism at the event where it diverged', async () => {
    const heard: string[] = [];
    const replays = await replayHistories(bundle, asType(chain.runs, 'countdownChangedWorkflow'), (r) => heard.push(r.runId));
    expect(heard).toEqual(chain.runs.map((r) => r.runId));
    // The first command of each run: the history has TimerStarted where the code now schedules an activity.
    const timerStarted = chain.runs[0].history.events!.find((e) => e.timerStartedEventAttributes)!;
    for (const replay of replays) {
      expect(replay.ok).toBe(false);
      expect(replay.failure).toMatchObject({ kind: 'nondeterminism', eventId: Number(timerStarted.eventId) });
    }
  });

  it('says so when the server has no such workflow', async () => {
    await expect(fetchWorkflowHistories(client, `audit-nowhere-${randomUUID()}`)).rejects.toBeInstanceOf(WorkflowHistoryNotFound);
  });
});
