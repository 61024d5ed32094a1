import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client, Connection, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SAFETY_MONTH_TEMPLATE, STANDARD_HAZARD_POLICY } from '@duban/domain';
import { awaitCampaignRegisteredUpdate, awaitRegisteredUpdate, campaignWorkflowId, hazardWorkflowId } from '@duban/workflows';
import { repoRoot } from '../../infra/src/cache-paths';
import { readFileSafe, waitForPidExit } from '../../infra/src/process-utils';
import { campaignWorkflow } from '../../workflows/src/campaign/campaign.workflow';
import { hazardWorkflow } from '../../workflows/src/hazard/hazard.workflow';
import {
  MEASURED_WORKER_MEMORY,
  maxCachedWorkflowsForBudget,
  type CachedWorkflowKind,
  type WorkerMemoryFigures,
} from '../../apps/worker/src/worker-memory';
import { launchOf, manyUnits } from '../support/campaign-fixtures';
import { hazardReport, inspector, office } from '../support/hazard-fixtures';
import { buildLikeNpmStart, cleanEnv } from '../infra/supervisor-harness';
import { reportFigure } from './bench-figures';

/**
 * RSS per cached workflow of the real worker process (`npm run start:worker`, prebuilt bundle),
 * for each kind a worker holds by the thousand: open hazards, and a campaign's unit obligations
 * workflows. One fresh worker process per kind, its cache filled in steps (each workflow past
 * its first tasks and its ledger write, so it is cached), RSS read from /proc after each step.
 * The slope between the two larger fills is that kind's cost per workflow: what
 * apps/worker/src/worker-memory.ts derives the default cache size from.
 */
const FILLS = (process.env.DUBAN_BENCH_MEMORY_FILLS ?? '50,400,800').split(',').map(Number);
const IN_FLIGHT = 20;

let connection: Connection;
let client: Client;
let db: pg.Client;

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSafe(`/proc/${pid}/status`))?.[1] ?? NaN) / 1024;

beforeAll(async () => {
  await buildLikeNpmStart();
  connection = await Connection.connect({ address: inject('temporalAddress') });
  client = new Client({ connection, namespace: inject('temporalNamespace') });
  db = new pg.Client({ connectionString: inject('databaseUrl') });
  await db.connect();
}, 600_000);

afterAll(async () => {
  await connection?.close();
  await db?.end();
}, 60_000);

function startWorker(taskQueue: string): ChildProcess {
  const root = repoRoot();
  return spawn(process.execPath, ['-r', join(root, 'dist/infra/src/runtime-aliases.js'), join(root, 'dist/apps/worker/src/main.js')], {
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
}

async function stopWorker(worker: ChildProcess): Promise<void> {
  worker.kill('SIGTERM');
  if (worker.pid && !(await waitForPidExit(worker.pid, 20_000))) worker.kill('SIGKILL');
}

/** Opens `count` hazard workflows and waits until each has answered an update (is cached). */
async function openHazards(taskQueue: string, count: number): Promise<void> {
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

/** Launches a campaign over `count` units and waits until every unit workflow has recorded its enrolment (is cached). */
async function openUnits(taskQueue: string, count: number): Promise<void> {
  const campaignId = randomUUID();
  const handle = await client.workflow.start(campaignWorkflow, {
    taskQueue,
    workflowId: campaignWorkflowId(campaignId),
    args: [{ launch: launchOf(campaignId, SAFETY_MONTH_TEMPLATE, manyUnits(count), Date.now() + 60_000), launchedBy: office }],
  });
  await handle.executeUpdate(awaitCampaignRegisteredUpdate);
  for (;;) {
    const { rows } = await db.query(`select count(*)::int as n from campaign_event where campaign_id = $1 and type = 'enrolled'`, [campaignId]);
    if (rows[0].n >= count) return;
    await new Promise((r) => setTimeout(r, 250));
  }
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

interface Fill {
  cached: number;
  rss: number;
}

/** A fresh worker, filled step by step with one kind; the last two fills give the slope. */
async function measureKind(
  kind: CachedWorkflowKind,
  open: (taskQueue: string, count: number) => Promise<void>,
): Promise<{ fills: Fill[]; perWorkflowMb: number; baseMb: number }> {
  const taskQueue = `bench-memory-${kind}-${randomUUID()}`;
  const worker = startWorker(taskQueue);
  try {
    const fills: Fill[] = [];
    let cached = 0;
    for (const fill of FILLS) {
      await open(taskQueue, fill - cached);
      // A campaign's own workflow is cached beside its units: one per launch, counted with them.
      cached = fill;
      fills.push({ cached, rss: await settledRss(worker.pid!) });
      console.log(`[bench] ${kind}: ${cached} cached: ${fills[fills.length - 1]!.rss.toFixed(0)} MB`);
    }
    const a = fills[fills.length - 2]!;
    const b = fills[fills.length - 1]!;
    const perWorkflowMb = (b.rss - a.rss) / (b.cached - a.cached);
    return { fills, perWorkflowMb, baseMb: b.rss - b.cached * perWorkflowMb };
  } finally {
    await stopWorker(worker);
  }
}

describe('worker memory per cached workflow', () => {
  it('fills the cache of a real worker process with each kind and prints RSS per cached workflow', async () => {
    const measured = {
      hazard: await measureKind('hazard', openHazards),
      unitObligations: await measureKind('unitObligations', openUnits),
    };
    const figures: WorkerMemoryFigures = {
      baseRssMb: Math.max(measured.hazard.baseMb, measured.unitObligations.baseMb),
      rssPerCachedWorkflowMb: { hazard: measured.hazard.perWorkflowMb, unitObligations: measured.unitObligations.perWorkflowMb },
      measuredOn: 'now',
    };
    const budget = 1024;
    console.log(
      [
        `worker RSS with N workflows of one kind cached (real worker process, prebuilt bundle, one fresh process per kind):`,
        ...Object.entries(measured).flatMap(([kind, m]) => [
          ...m.fills.map((p) => `  ${kind.padEnd(16)} ${String(p.cached).padStart(5)} cached: ${p.rss.toFixed(0)} MB`),
          `  ${kind.padEnd(16)} per cached workflow: ${(m.perWorkflowMb * 1024).toFixed(0)} KB (${m.perWorkflowMb.toFixed(3)} MB); base ${m.baseMb.toFixed(0)} MB`,
        ]),
        `  => a ${budget} MB budget fits ${maxCachedWorkflowsForBudget(budget, figures)} cached workflows of the heaviest kind by today's figures; ` +
          `worker-memory.ts (${MEASURED_WORKER_MEMORY.measuredOn}) says ${maxCachedWorkflowsForBudget(budget)}`,
      ].join('\n'),
    );
    for (const kind of ['hazard', 'unitObligations'] as const)
      reportFigure({
        bench: 'worker-memory',
        figure: `RSS per cached ${kind} workflow, measured vs what worker-memory.ts sizes the cache by`,
        unit: 'MB',
        product: measured[kind].perWorkflowMb,
        baseline: MEASURED_WORKER_MEMORY.rssPerCachedWorkflowMb[kind],
        ratio: measured[kind].perWorkflowMb / MEASURED_WORKER_MEMORY.rssPerCachedWorkflowMb[kind],
        goal: '≤ 1 (else the cache outgrows its budget)',
      });
    expect(measured.hazard.perWorkflowMb).toBeGreaterThan(0);
    expect(measured.unitObligations.perWorkflowMb).toBeGreaterThan(0);
  });
});
