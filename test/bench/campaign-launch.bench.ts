import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAFETY_MONTH_TEMPLATE } from '@duban/domain';
import { awaitCampaignRegisteredUpdate, campaignWorkflowId, closeCampaignUpdate } from '@duban/workflows';
import { campaignWorkflow } from '../../workflows/src/campaign/campaign.workflow';
import { launchOf, manyUnits } from '../support/campaign-fixtures';
import { connectDevServer, type DevServerHarness } from '../support/dev-server';
import { office } from '../support/hazard-fixtures';
import { reportFigure } from './bench-figures';

/**
 * Launching a campaign over 3,000 units (each with its own obligations workflow) against the
 * raw cost of starting 3,000 bare workflows on the same dev server, in the same run: the ratio
 * is the figure to watch; absolute times vary with the machine.
 */
const UNITS = Number(process.env.DUBAN_BENCH_UNITS ?? 3000);
const IN_FLIGHT = 100;
const MAX_CACHED = process.env.DUBAN_BENCH_MAX_CACHED ? Number(process.env.DUBAN_BENCH_MAX_CACHED) : undefined;

let dev: DevServerHarness;
beforeAll(async () => {
  dev = await connectDevServer();
});
afterAll(async () => dev.close());

function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

async function baselineBareStarts(count: number): Promise<number> {
  const taskQueue = `bench-bare-${randomUUID()}`;
  const worker = await Worker.create({
    connection: dev.nativeConnection,
    namespace: dev.namespace,
    taskQueue,
    workflowsPath: path.join(__dirname, 'bare.workflows.ts'),
  });
  return worker.runUntil(async () => {
    const started = Date.now();
    let next = 0;
    const lane = async () => {
      while (next < count) {
        next++;
        await dev.client.workflow.execute('bareWorkflow', { taskQueue, workflowId: `bare-${randomUUID()}` });
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
    return Date.now() - started;
  });
}

describe(`launching a campaign over ${UNITS} units`, () => {
  it('enrols every unit; prints the time against raw Temporal and the worker peak memory', async () => {
    const baselineMs = await baselineBareStarts(UNITS);

    const taskQueue = `bench-campaign-${randomUUID()}`;
    const worker = await dev.newWorker(taskQueue, MAX_CACHED);
    const rssBefore = process.memoryUsage().rss;
    const rss = sampleRss();
    const campaignId = randomUUID();
    const { launchMs, enrolledMs } = await worker.runUntil(async () => {
      const started = Date.now();
      const handle = await dev.client.workflow.start(campaignWorkflow, {
        taskQueue,
        workflowId: campaignWorkflowId(campaignId),
        args: [{ launch: launchOf(campaignId, SAFETY_MONTH_TEMPLATE, manyUnits(UNITS), Date.now() + 60_000), launchedBy: office }],
      });
      await handle.executeUpdate(awaitCampaignRegisteredUpdate);
      const launchMs = Date.now() - started;
      for (;;) {
        const [{ n }] = await dev.dataSource.query(`select count(*)::int as n from campaign_unit where campaign_id = $1 and status = 'active'`, [
          campaignId,
        ]);
        if (n === UNITS) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      const enrolledMs = Date.now() - started;
      await handle.executeUpdate(closeCampaignUpdate, { args: [{ actor: office, reason: 'benchmark done' }] });
      await handle.result();
      return { launchMs, enrolledMs };
    });
    const peakRss = rss.stop();
    const [{ runs }] = await dev.dataSource.query('select count(*)::int as runs from campaign_event where campaign_id = $1 and type = $2', [
      campaignId,
      'units_enrolled',
    ]);

    // Bounded history per run: the units start from an activity, so a run's history grows per batch, not per unit.
    let campaignRuns = 0;
    let longestRunEvents = 0;
    for await (const run of dev.client.workflow.list({ query: `WorkflowId = '${campaignWorkflowId(campaignId)}'` })) {
      campaignRuns++;
      longestRunEvents = Math.max(longestRunEvents, run.historyLength);
    }
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
    console.log(
      [
        `campaign launch over ${UNITS} units (dev server, SQLite; 2 cores shared with the server and PostgreSQL)`,
        `  raw Temporal: ${UNITS} bare workflows started and finished, ${IN_FLIGHT} in flight: ${(baselineMs / 1000).toFixed(1)} s (${((UNITS / baselineMs) * 1000).toFixed(0)}/s)`,
        `  Duban: campaign registered (roster in PostgreSQL) after ${(launchMs / 1000).toFixed(1)} s; all ${UNITS} unit workflows enrolled after ${(enrolledMs / 1000).toFixed(1)} s (${((UNITS / enrolledMs) * 1000).toFixed(0)}/s), ${runs} enrolment batches`,
        `  campaign workflow runs (continue-as-new): ${campaignRuns}, the longest ${longestRunEvents} history events`,
        `  ratio Duban enrolment / raw starts: ${(enrolledMs / baselineMs).toFixed(2)}×`,
        `  worker process RSS: ${mb(rssBefore)} MB before, peak ${mb(peakRss)} MB (test process = worker + client; workflow cache ${MAX_CACHED ?? 'SDK default'})`,
      ].join('\n'),
    );
    reportFigure({
      bench: 'campaign-launch',
      figure: `${UNITS}-unit launch, every unit enrolled vs ${UNITS} bare starts`,
      unit: 's',
      product: enrolledMs / 1000,
      baseline: baselineMs / 1000,
      ratio: enrolledMs / baselineMs,
      goal: '≤ 1.25',
    });
    reportFigure({
      bench: 'campaign-launch',
      figure: `${UNITS}-unit launch, worker + client process peak RSS vs before`,
      unit: 'MB',
      product: peakRss / 1024 / 1024,
      baseline: rssBefore / 1024 / 1024,
      ratio: peakRss / rssBefore,
      goal: 'peak < 1024 MB',
    });
    expect(runs).toBe(Math.ceil(UNITS / 250));
    expect(longestRunEvents).toBeLessThanOrEqual(3000);
  });
});
