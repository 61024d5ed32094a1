import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client, Connection, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { STANDARD_HAZARD_POLICY } from '@duban/domain';
import { awaitRegisteredUpdate, hazardWorkflowId } from '@duban/workflows';
import { repoRoot } from '../../infra/src/cache-paths';
import { readFileSafe, waitForPidExit } from '../../infra/src/process-utils';
import { hazardWorkflow } from '../../workflows/src/hazard/hazard.workflow';
import { MEASURED_WORKER_MEMORY, maxCachedWorkflowsForBudget } from '../../apps/worker/src/worker-memory';
import { hazardReport, inspector } from '../support/hazard-fixtures';
import { buildLikeNpmStart, cleanEnv } from '../infra/supervisor-harness';
import { reportFigure } from './bench-figures';

/**
 * RSS per cached workflow of the real worker process (`npm run start:worker`, prebuilt bundle):
 * its cache filled with open hazard workflows (each past its first tasks and its ledger write,
 * so it is cached), RSS read from /proc after each fill. The slope between the two larger fills
 * is the per-workflow cost; what apps/worker/src/worker-memory.ts derives the default cache from.
 */
const FILLS = (process.env.DUBAN_BENCH_MEMORY_FILLS ?? '50,400').split(',').map(Number);
const IN_FLIGHT = 20;

let worker: ChildProcess;
let connection: Connection;
let client: Client;
const taskQueue = `bench-memory-${randomUUID()}`;

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSafe(`/proc/${pid}/status`))?.[1] ?? NaN) / 1024;

beforeAll(async () => {
  await buildLikeNpmStart();
  const root = repoRoot();
  worker = spawn(process.execPath, ['-r', join(root, 'dist/infra/src/runtime-aliases.js'), join(root, 'dist/apps/worker/src/main.js')], {
    cwd: root,
    env: {
      ...cleanEnv(),
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TEMPORAL_NAMESPACE: inject('temporalNamespace'),
      DATABASE_URL: inject('databaseUrl'),
      DUBAN_TASK_QUEUE: taskQueue,
      DUBAN_WORKER_MAX_CACHED_WORKFLOWS: String(Math.max(...FILLS) + 100),
      DUBAN_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  connection = await Connection.connect({ address: inject('temporalAddress') });
  client = new Client({ connection, namespace: inject('temporalNamespace') });
}, 600_000);

afterAll(async () => {
  worker?.kill('SIGTERM');
  if (worker?.pid && !(await waitForPidExit(worker.pid, 20_000))) worker.kill('SIGKILL');
  await connection?.close();
}, 60_000);

async function openHazards(count: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < count) {
        next++;
        const hazardId = randomUUID();
        const handle = await client.workflow.start(hazardWorkflow, {
          taskQueue,
          workflowId: hazardWorkflowId(hazardId),
          args: [{ hazardId, report: hazardReport(Date.now()), reporter: inspector, policy: STANDARD_HAZARD_POLICY }],
        });
        // On a busy machine one long poll may time out: ask again until the worker has it (cached).
        for (;;) {
          try {
            await handle.executeUpdate(awaitRegisteredUpdate);
            break;
          } catch (error) {
            if (!(error instanceof WorkflowUpdateRPCTimeoutOrCancelledError)) throw error;
          }
        }
      }
    }),
  );
}

/** RSS after things settle: the lowest of a few readings a second apart (GC may still be returning memory). */
async function settledRss(pid: number): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 1_000));
    readings.push(rssMb(pid));
  }
  return Math.min(...readings);
}

describe('worker memory per cached workflow', () => {
  it('fills the cache of a real worker process and prints RSS per cached workflow', async () => {
    const pid = worker.pid!;
    const points: Array<{ cached: number; rss: number }> = [];
    let cached = 0;
    for (const fill of FILLS) {
      await openHazards(fill - cached);
      cached = fill;
      points.push({ cached, rss: await settledRss(pid) });
      console.log(`[bench] ${cached} cached: ${points[points.length - 1]!.rss.toFixed(0)} MB`);
    }
    const [, a, b] = points.length >= 3 ? points : [undefined, points[0]!, points[points.length - 1]!];
    const perWorkflow = (b!.rss - a!.rss) / (b!.cached - a!.cached);
    const base = points[0]!.rss - points[0]!.cached * perWorkflow;
    const budget = 1024;
    const fits = maxCachedWorkflowsForBudget(budget, { baseRssMb: base, rssPerCachedWorkflowMb: perWorkflow, measuredOn: 'now' });
    console.log(
      [
        `worker RSS with N open hazard workflows cached (real worker process, prebuilt bundle):`,
        ...points.map((p) => `  ${String(p.cached).padStart(5)} cached: ${p.rss.toFixed(0)} MB`),
        `  per cached workflow: ${(perWorkflow * 1024).toFixed(0)} KB (${perWorkflow.toFixed(3)} MB); base ${base.toFixed(0)} MB`,
        `  => a ${budget} MB budget (75% usable) fits ${fits} cached workflows; worker-memory.ts says ${MEASURED_WORKER_MEMORY.rssPerCachedWorkflowMb} MB/workflow, base ${MEASURED_WORKER_MEMORY.baseRssMb} MB (default cache ${maxCachedWorkflowsForBudget(budget)})`,
      ].join('\n'),
    );
    reportFigure({
      bench: 'worker-memory',
      figure: 'RSS per cached workflow, measured vs what worker-memory.ts sizes the cache by',
      unit: 'MB',
      product: perWorkflow,
      baseline: MEASURED_WORKER_MEMORY.rssPerCachedWorkflowMb,
      ratio: perWorkflow / MEASURED_WORKER_MEMORY.rssPerCachedWorkflowMb,
      goal: '≤ 1 (else the cache outgrows its budget)',
    });
    expect(perWorkflow).toBeGreaterThan(0);
  });
});
