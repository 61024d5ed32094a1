import { chmodSync, existsSync, lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client as PgClient } from 'pg';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { hazardWorkflowId } from '@duban/domain';
import { findFreePort } from '../../infra/src';
import { temporalServerPidFile } from '../../infra/src/cluster/temporal-server';
import { resolveTemporalServerBinaries } from '../../infra/src/cluster/temporal-server-binaries';
import { stopLeftovers } from '../../infra/src/leftovers';
import { isPidAlive, processCommandLine, signalPid, waitForPidExit } from '../../infra/src/process-utils';
import { dataDirProcesses } from '../../infra/src/supervisor/data-dir-processes';
import { DAY_MS, fiveInPlacePlan, hazardReport, inspector, unitA } from '../support/hazard-fixtures';
import { buildLikeNpmStart, callApi, cleanEnv, eventually, ledgerIds, startSupervisor, type SupervisorRun } from '../infra/supervisor-harness';

// `npm run start:cluster` for real, twice on one data dir: the full Temporal server on the
// embedded PostgreSQL, the API and two workers as separate processes. Sequential: each test
// continues from the one before.
const scratch = mkdtempSync(join(tmpdir(), 'duban-cluster-'));
chmodSync(scratch, 0o755);
const dataDir = join(scratch, 'data');
const secret = 'cluster-test-secret';
const namespace = 'duban-cluster';
const runs: SupervisorRun[] = [];
const reported: string[] = [];
let env: NodeJS.ProcessEnv;
let ports: { api: number; temporal: number; pg: number };
let apiUrl: string;

const api = (actor: typeof inspector, method: string, path: string, body?: unknown) => callApi(apiUrl, secret, actor, method, path, body);
const workerPids = (run: SupervisorRun) => [...run.output().matchAll(/worker (\d+)/g)].map((m) => Number(m[1])).slice(0, 2);
const pg = async <T>(use: (client: PgClient) => Promise<T>): Promise<T> => {
  const client = new PgClient({ host: '127.0.0.1', port: ports.pg, user: 'postgres', password: 'postgres', database: 'duban' });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
};
const withTemporal = async <T>(use: (client: Client) => Promise<T>): Promise<T> => {
  const connection = await Connection.connect({ address: `127.0.0.1:${ports.temporal}` });
  try {
    return await use(new Client({ connection, namespace }));
  } finally {
    await connection.close();
  }
};

async function report(): Promise<string> {
  const created = await api(inspector, 'POST', '/hazards', hazardReport(Date.now()));
  expect(created.status).toBe(201);
  reported.push(created.body.hazardId);
  return created.body.hazardId;
}

beforeAll(async () => {
  // Built once per machine into the cache (about 2 minutes cold), here rather than inside the
  // supervisor so that the first run's build does not count against its start-up time.
  await resolveTemporalServerBinaries((message) => console.log(`[cluster test] ${message}`));
  await buildLikeNpmStart();
  ports = { api: await findFreePort(), temporal: await findFreePort(), pg: await findFreePort() };
  env = {
    ...cleanEnv(),
    PORT: String(ports.api),
    TEMPORAL_PORT: String(ports.temporal),
    TEMPORAL_NAMESPACE: namespace,
    DUBAN_PG_PORT: String(ports.pg),
    DUBAN_DATA_DIR: dataDir,
    DUBAN_AUTH_SECRET: secret,
    DUBAN_CLUSTER_WORKERS: '2',
    DUBAN_WORKER_SHUTDOWN_GRACE_MS: '30000',
    DUBAN_REGISTRATION_TIMEOUT_MS: '60000',
    DUBAN_LOG_LEVEL: 'info',
  };
  apiUrl = `http://127.0.0.1:${ports.api}`;
}, 600_000);

afterAll(async () => {
  for (const run of runs) if (isPidAlive(run.pid())) signalPid(run.pid(), 'SIGTERM');
  for (const run of runs) if (!(await waitForPidExit(run.pid(), 60_000))) signalPid(run.pid(), 'SIGKILL');
  await stopLeftovers(dataDirProcesses(dataDir), () => undefined);
  const link = join(dataDir, 'postgres');
  if (existsSync(link) && lstatSync(link).isSymbolicLink())
    for (const path of [readlinkSync(link), `${readlinkSync(link)}.owner`]) rmSync(path, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
}, 120_000);

describe('npm run start:cluster (full Temporal server on PostgreSQL, API and two workers)', () => {
  it('starts from scratch: schemas, namespace, search attributes; a hazard reported through the API lands in the ledger', async () => {
    const run = startSupervisor(env, { args: ['--cluster'] });
    runs.push(run);
    await run.running();
    expect(run.output()).toContain('Temporal schemas ready in temporal and temporal_visibility');
    expect(run.output()).toContain(`Created namespace "${namespace}"`);
    expect(run.output()).toMatch(/Registered search attributes on "duban-cluster": DubanUnitId/);
    // The server is the full one, not the CLI's dev server.
    const serverPid = Number(readFileSync(temporalServerPidFile(join(dataDir, 'temporal-server')), 'utf8'));
    expect(processCommandLine(serverPid)).toContain('temporal-server');
    const workers = workerPids(run);
    expect(new Set(workers).size).toBe(2);
    const pollers = await withTemporal(async (client) => {
      const { pollers } = await client.workflowService.describeTaskQueue({
        namespace,
        taskQueue: { name: 'duban', kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      });
      return (pollers ?? []).map((p) => Number(p.identity?.split('@')[0]));
    });
    expect(pollers.sort()).toEqual([...workers].sort());

    const hazardId = await report();
    // Read-your-writes: in the ledger when POST answers.
    expect((await ledgerIds(ports.pg)).has(hazardId)).toBe(true);
  });

  it('kill -9 of one worker does not stop the flow: the other takes the work, the supervisor starts it again', async () => {
    const run = runs[0]!;
    const [victim, survivor] = workerPids(run) as [number, number];
    signalPid(victim, 'SIGKILL');
    // A workflow cached on the killed worker moves on (its next task goes to the survivor).
    const plan = await api(unitA, 'POST', `/hazards/${reported[0]}/plan`, fiveInPlacePlan(Date.now() + 20 * DAY_MS));
    expect(plan.status).toBe(200);
    expect(plan.body.state.status).toBe('rectifying');
    const hazardId = await report();
    expect((await ledgerIds(ports.pg)).has(hazardId)).toBe(true);
    expect(isPidAlive(run.pid())).toBe(true);
    expect(isPidAlive(survivor)).toBe(true);
    expect(run.output()).toMatch(/the worker-\d process \(pid \d+\) exited \(killed by SIGKILL\): the other workers carry on/);
    await eventually(async () => /worker-\d restarted as pid \d+/.test(run.output()), 60_000);
  });

  it('SIGTERM to a worker lets its in-flight activity finish before it exits', async () => {
    const run = runs[0]!;
    const hazardsBefore = reported.length;
    const lock = new PgClient({ host: '127.0.0.1', port: ports.pg, user: 'postgres', password: 'postgres', database: 'duban' });
    await lock.connect();
    try {
      // The ledger write (the hazard's only activity) waits on this lock: the activity is in flight.
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE hazard_ledger IN EXCLUSIVE MODE');
      const posted = api(inspector, 'POST', '/hazards', hazardReport(Date.now()));
      const worker = await workerWaitingOnLock(lock);
      signalPid(worker, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 3_000));
      expect(isPidAlive(worker)).toBe(true); // draining, not gone: its activity still runs
      await lock.query('COMMIT');
      const created = await posted;
      expect(created.status).toBe(201);
      reported.push(created.body.hazardId);
      expect(await waitForPidExit(worker, 30_000)).toBe(true);
      // The supervisor reaps the worker and logs its exit; the line reaches us through a pipe, a moment after the pid is gone.
      const exitedCleanly = new RegExp(`pid ${worker}\\) exited \\(exit code 0\\)`);
      await eventually(async () => exitedCleanly.test(run.output()), 10_000).catch(() => undefined);
      expect(run.output()).toMatch(exitedCleanly);
      expect((await ledgerIds(ports.pg)).has(created.body.hazardId)).toBe(true);
      // Completed by the first attempt: the shutdown did not fail its workflow task into a retry
      // (the ledger write is a local activity, recorded as a marker by the task that ran it).
      const history = await withTemporal((client) => client.workflow.getHandle(hazardWorkflowId(created.body.hazardId)).fetchHistory());
      expect(history.events!.some((e) => e.workflowTaskFailedEventAttributes || e.workflowTaskTimedOutEventAttributes)).toBe(false);
      expect(history.events!.some((e) => e.markerRecordedEventAttributes)).toBe(true);
      expect(reported.length).toBe(hazardsBefore + 1);
    } finally {
      await lock.end().catch(() => undefined);
    }
  });

  it('starts again on the same data: the schema set-up is a no-op, the namespace and every hazard are still there', async () => {
    const first = runs[0]!;
    signalPid(first.pid(), 'SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    const run = startSupervisor(env, { args: ['--cluster'] });
    runs.push(run);
    await run.running();
    expect(run.output()).toContain('Temporal schemas ready');
    expect(run.output()).not.toContain('Created namespace');
    const ledger = await ledgerIds(ports.pg);
    for (const hazardId of reported) {
      expect(ledger.has(hazardId)).toBe(true);
      const read = await api(inspector, 'GET', `/hazards/${hazardId}`);
      expect(read.status).toBe(200);
    }
    const status = await withTemporal(async (client) => (await client.workflow.getHandle(hazardWorkflowId(reported[0]!)).describe()).status.name);
    expect(status).toBe('RUNNING');
    const hazardId = await report();
    expect((await ledgerIds(ports.pg)).has(hazardId)).toBe(true);
    await pg(async (client) => {
      const { rows } = await client.query("select datname from pg_database where datname like 'temporal%' order by 1");
      expect(rows.map((r) => r.datname)).toEqual(['temporal', 'temporal_visibility']);
    });
  });
});

/** The pid of the worker whose ledger write waits on the lock `holder` took (each worker names its connections `duban-worker-<pid>`). */
async function workerWaitingOnLock(holder: PgClient): Promise<number> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { rows } = await holder.query<{ application_name: string }>(
      "select application_name from pg_stat_activity where wait_event_type = 'Lock' and application_name like 'duban-worker-%'",
    );
    if (rows[0]) return Number(rows[0].application_name.slice('duban-worker-'.length));
    if (Date.now() > deadline) throw new Error('no worker waiting on the ledger lock within 30 s');
    await new Promise((r) => setTimeout(r, 250));
  }
}
