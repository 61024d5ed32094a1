import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Worker, type WorkflowBundle } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findFreePort } from '../../infra/src';
import { resolveTemporalServerBinaries } from '../../infra/src/cluster/temporal-server-binaries';
import { startTemporalServer, type TemporalServer } from '../../infra/src/cluster/temporal-server';
import { temporalPostgresFromUrl } from '../../infra/src/cluster/temporal-postgres';
import { reportFigure } from './bench-figures';
import { finishSignal, incrementUpdate } from './throughput.workflows';

/**
 * Workflow starts/s and updates/s on the full Temporal server (PostgreSQL persistence and
 * visibility) against the CLI's dev server (SQLite), in the same run on the same machine, rounds
 * alternating so that other load on the machine falls on both alike. Printed, not asserted:
 * absolute figures vary a lot between runs here; the ratio is the figure.
 */
const STARTS = Number(process.env.DUBAN_BENCH_STARTS ?? 300);
const UPDATES = Number(process.env.DUBAN_BENCH_UPDATES ?? 600);
const IN_FLIGHT = 50;
const ROUNDS = 2;

interface Target {
  name: string;
  address: string;
  namespace: string;
}

const scratch = mkdtempSync(path.join(tmpdir(), 'duban-bench-server-'));
chmodSync(scratch, 0o755);
let full: TemporalServer;
let targets: Target[];
let bundle: WorkflowBundle;

beforeAll(async () => {
  bundle = await bundleWorkflowCode({ workflowsPath: path.join(__dirname, 'throughput.workflows.ts'), logger: new DefaultLogger('WARN') });
  // Temporal's databases of its own on the suite's PostgreSQL server.
  const url = new URL(inject('databaseUrl'));
  url.pathname = `/temporal_bench_${randomUUID().slice(0, 8)}`;
  full = await startTemporalServer({
    binaries: await resolveTemporalServerBinaries((m) => console.log(`[bench] ${m}`)),
    dir: path.join(scratch, 'temporal-server'),
    postgres: temporalPostgresFromUrl(url.toString(), { ownDatabaseName: true }),
    port: await findFreePort(),
    namespace: 'bench',
  });
  targets = [
    { name: 'dev server (SQLite)', address: inject('temporalAddress'), namespace: inject('temporalNamespace') },
    { name: 'full server (PostgreSQL)', address: full.address, namespace: full.namespace },
  ];
}, 600_000);

afterAll(async () => {
  await full?.stop();
  rmSync(scratch, { recursive: true, force: true });
}, 60_000);

async function lanes(count: number, each: (i: number) => Promise<unknown>): Promise<number> {
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < count) await each(next++);
    }),
  );
  return (count / (Date.now() - started)) * 1000;
}

async function measure(target: Target): Promise<{ startsPerSec: number; updatesPerSec: number }> {
  const connection = await Connection.connect({ address: target.address });
  const nativeConnection = await NativeConnection.connect({ address: target.address });
  const client = new Client({ connection, namespace: target.namespace });
  const taskQueue = `bench-throughput-${randomUUID()}`;
  const worker = await Worker.create({
    connection: nativeConnection,
    namespace: target.namespace,
    taskQueue,
    workflowBundle: bundle,
  });
  try {
    return await worker.runUntil(async () => {
      const startsPerSec = await lanes(STARTS, () => client.workflow.execute('bareWorkflow', { taskQueue, workflowId: `bare-${randomUUID()}` }));
      const counters = await Promise.all(
        Array.from({ length: 20 }, () => client.workflow.start('counterWorkflow', { taskQueue, workflowId: `counter-${randomUUID()}` })),
      );
      const updatesPerSec = await lanes(UPDATES, (i) => counters[i % counters.length]!.executeUpdate(incrementUpdate, { args: [1] }));
      await Promise.all(counters.map((handle) => handle.signal(finishSignal)));
      const totals = await Promise.all(counters.map((handle) => handle.result() as Promise<number>));
      expect(totals.reduce((a, b) => a + b, 0)).toBe(UPDATES);
      return { startsPerSec, updatesPerSec };
    });
  } finally {
    await nativeConnection.close();
    await connection.close();
  }
}

describe('the full Temporal server against the dev server', () => {
  it('prints workflow starts/s and updates/s on both, in the same run', async () => {
    const results = new Map<string, Array<{ startsPerSec: number; updatesPerSec: number }>>();
    for (let round = 0; round < ROUNDS; round++)
      for (const target of round % 2 === 0 ? targets : [...targets].reverse())
        results.set(target.name, [...(results.get(target.name) ?? []), await measure(target)]);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const summary = targets.map((t) => {
      const runs = results.get(t.name)!;
      return { name: t.name, starts: mean(runs.map((r) => r.startsPerSec)), updates: mean(runs.map((r) => r.updatesPerSec)) };
    });
    const [dev, server] = summary as [(typeof summary)[0], (typeof summary)[0]];
    console.log(
      [
        `Temporal servers compared (${ROUNDS} alternating rounds; ${STARTS} bare workflows started and finished, ${UPDATES} updates over 20 workflows; ${IN_FLIGHT} in flight)`,
        ...summary.map((s) => `  ${s.name.padEnd(26)} starts ${s.starts.toFixed(0).padStart(5)}/s   updates ${s.updates.toFixed(0).padStart(5)}/s`),
        `  full / dev: starts ${(server.starts / dev.starts).toFixed(2)}×, updates ${(server.updates / dev.updates).toFixed(2)}×`,
      ].join('\n'),
    );
    // The full server is the product here, the dev server the baseline measured beside it.
    for (const [figure, key] of [
      ['workflow starts/s', 'starts'],
      ['updates/s', 'updates'],
    ] as const)
      reportFigure({ bench: 'server-throughput', figure, unit: '/s', product: server[key], baseline: dev[key], ratio: server[key] / dev[key] });
  });
});
