import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Client as PgClient } from 'pg';
import { Client, Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { findFreePort, resolveTemporalCli, TEMPORAL_CLI_VERSION } from '../../infra/src';
import { stopLeftovers } from '../../infra/src/leftovers';
import { isPidAlive, signalPid, waitForPidExit } from '../../infra/src/process-utils';
import { dataDirProcesses } from '../../infra/src/supervisor/data-dir-processes';
import { hazardWorkflowId } from '@duban/domain';
import { hazardReport, inspector, office } from '../support/hazard-fixtures';
import {
  buildLikeNpmStart,
  callApi,
  cleanEnv,
  eventually,
  ledgerIds,
  recordedServerPids,
  recordingCli,
  startSupervisor,
  type SupervisorRun,
} from './supervisor-harness';

// One real `npm start` after another on one data dir (kill -9 in between), then one on the
// suite's own Temporal and PostgreSQL: every README variable with a non-default value, checked by
// its effect (a start that cannot finish is npm-start-failure.e2e.test.ts). Sequential: each test continues from the one before.
const scratch = mkdtempSync(join(tmpdir(), 'duban-npm-start-'));
chmodSync(scratch, 0o755);
// The data dir sits in a mode-700 folder, as in a clone under /root: PostgreSQL must still start.
const privateHome = join(scratch, 'home');
const dataDir = join(privateHome, 'data');
const secret = 'npm-start-test-secret';
const runs: SupervisorRun[] = [];
let env: NodeJS.ProcessEnv;
let apiUrl: string;
const acknowledged: string[] = [];

const post = (body: unknown) => callApi(apiUrl, secret, inspector, 'POST', '/hazards', body);
const recordedPids = () => recordedServerPids(dataDir);

beforeAll(async () => {
  mkdirSync(privateHome, { mode: 0o700 });
  await buildLikeNpmStart();
  const cli = await resolveTemporalCli();
  const ports = { api: await findFreePort(), temporal: await findFreePort(), ui: await findFreePort(), pg: await findFreePort() };
  env = {
    ...cleanEnv(),
    PORT: String(ports.api),
    TEMPORAL_PORT: String(ports.temporal),
    TEMPORAL_UI_PORT: String(ports.ui),
    TEMPORAL_NAMESPACE: 'duban-start',
    TEMPORAL_CLI: recordingCli(join(scratch, 'bin', 'temporal'), join(scratch, 'cli-marker'), cli),
    DUBAN_PG_PORT: String(ports.pg),
    DUBAN_DATA_DIR: dataDir,
    DUBAN_AUTH_SECRET: secret,
    DUBAN_REGISTRATION_TIMEOUT_MS: '1500',
    DUBAN_WORKER_MAX_CACHED_WORKFLOWS: '7',
    DUBAN_LOG_LEVEL: 'info',
  };
  apiUrl = `http://127.0.0.1:${ports.api}`;
}, 300_000);

afterAll(async () => {
  // Whatever a failed test left: the supervisors first, then what they recorded in the data dirs.
  for (const run of runs) if (isPidAlive(run.pid())) signalPid(run.pid(), 'SIGTERM');
  for (const run of runs) if (!(await waitForPidExit(run.pid(), 30_000))) signalPid(run.pid(), 'SIGKILL');
  for (const dir of [dataDir, join(scratch, 'external-data')]) await stopLeftovers(dataDirProcesses(dir), () => undefined);
  const link = join(dataDir, 'postgres');
  if (existsSync(link) && lstatSync(link).isSymbolicLink())
    for (const path of [readlinkSync(link), `${readlinkSync(link)}.owner`]) rmSync(path, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
}, 120_000);

describe('npm start', () => {
  it('honours every variable it documents (embedded Temporal and PostgreSQL)', async () => {
    const run = startSupervisor(env);
    runs.push(run);
    const pids = await run.running();

    // PORT, HOST unset: the API answers on 127.0.0.1:PORT only.
    expect((await fetch(`${apiUrl}/health`)).status).toBe(200);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (external) await expect(fetch(`http://${external.address}:${env.PORT}/health`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
    // DUBAN_AUTH_SECRET: its tokens verify, others do not; no secret was generated.
    expect((await callApi(apiUrl, secret, office, 'GET', '/hazards')).status).toBe(200);
    expect((await callApi(apiUrl, 'another-secret', office, 'GET', '/hazards')).status).toBe(401);
    expect(existsSync(join(dataDir, 'auth-secret'))).toBe(false);

    // DUBAN_REGISTRATION_TIMEOUT_MS: with the worker frozen nobody registers the hazard, so a 202 after 1.5 s (not 20).
    signalPid(pids.worker, 'SIGSTOP');
    const started = Date.now();
    const accepted = await post(hazardReport(Date.now())).finally(() => signalPid(pids.worker, 'SIGCONT'));
    const waited = Date.now() - started;
    expect(accepted.status).toBe(202);
    expect(accepted.body.message).toContain('no worker answered within 1.5 s');
    expect(waited).toBeGreaterThanOrEqual(1_500);
    expect(waited).toBeLessThan(10_000);
    const hazardId: string = accepted.body.hazardId;
    acknowledged.push(hazardId);

    // DUBAN_PG_PORT: the ledger row, once the thawed worker wrote it, is in the PostgreSQL on that port.
    await eventually(async () => (await ledgerIds(Number(env.DUBAN_PG_PORT))).has(hazardId));
    // TEMPORAL_PORT and TEMPORAL_NAMESPACE: the workflow is on the dev server on that port, in that namespace.
    const connection = await Connection.connect({ address: `127.0.0.1:${env.TEMPORAL_PORT}` });
    try {
      const description = await new Client({ connection, namespace: 'duban-start' }).workflow.getHandle(hazardWorkflowId(hazardId)).describe();
      expect(description.status.name).toBe('RUNNING');
    } finally {
      await connection.close();
    }
    // TEMPORAL_UI_PORT: the Web UI answers there.
    expect((await fetch(`http://127.0.0.1:${env.TEMPORAL_UI_PORT}/`)).status).toBe(200);
    // TEMPORAL_CLI: the given binary started the dev server.
    expect(readFileSync(join(scratch, 'cli-marker'), 'utf8')).toContain('server start-dev');
    // DUBAN_DATA_DIR: Temporal's SQLite file and PostgreSQL (linked from the private folder) are kept there.
    expect(existsSync(join(dataDir, 'temporal', 'temporal.db'))).toBe(true);
    expect(lstatSync(join(dataDir, 'postgres')).isSymbolicLink()).toBe(true);
    expect(existsSync(join(readlinkSync(join(dataDir, 'postgres')), 'PG_VERSION'))).toBe(true);
    // DUBAN_WORKER_MAX_CACHED_WORKFLOWS, as the SDK compiled the worker's options.
    expect(run.output()).toMatch(/\[worker\] \{.*"msg":"duban worker \d+@\S+ polling/);
    expect(run.output()).toContain('(max cached workflows 7 for a 1024 MB budget;');
    // Both apps write one JSON object per line; the Temporal SDK's lines go through the worker's logger.
    const appLines = run
      .output()
      .split('\n')
      .flatMap((line) => /^\[(?:api|worker)\] (.*)$/.exec(line)?.slice(1) ?? []);
    expect(appLines.filter((text) => !/^\{"level":"\w+","time":"[^"]+","service":"duban-(api|worker)".*\}$/.test(text))).toEqual([]);
    expect(appLines.some((text) => text.includes('"service":"duban-worker"') && text.includes('"sdkComponent":"worker"'))).toBe(true);
    // DUBAN_LOG_LEVEL=info: Nest's own info lines show (hidden at npm start's default, warn).
    expect(run.output()).toMatch(/\[api\] .*Nest application successfully started/);
  }, 300_000);

  it('after kill -9 its parts stop by themselves, and the next start comes up with every acknowledged hazard', async () => {
    const run = runs[0]!;
    const pids = { ...(await run.running()), ...recordedPids() };
    // Report hazards from 6 clients; kill -9 the supervisor while they are at it.
    let stopFiring = false;
    const firing = Array.from({ length: 6 }, async () => {
      while (!stopFiring) {
        const reply = await post(hazardReport(Date.now())).catch(() => undefined);
        if (reply && (reply.status === 201 || reply.status === 202)) acknowledged.push(reply.body.hazardId);
        else if (reply === undefined) return;
      }
    });
    await eventually(async () => acknowledged.length >= 60, 90_000);
    signalPid(pids.supervisor, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 500));
    stopFiring = true;
    await Promise.all(firing);
    // Children do not outlive the supervisor (parent-death signal).
    for (const pid of [pids.api, pids.worker, pids.temporal, pids.postgres]) expect(await waitForPidExit(pid, 30_000)).toBe(true);

    // Run npm start again, this time finding the Temporal CLI through DUBAN_CACHE_DIR.
    const cache = join(scratch, 'cache');
    recordingCli(join(cache, `temporal-cli-${TEMPORAL_CLI_VERSION}`, 'temporal'), join(scratch, 'cache-marker'), await resolveTemporalCli());
    env = { ...env, DUBAN_CACHE_DIR: cache };
    delete env.TEMPORAL_CLI;
    const again = startSupervisor(env);
    runs.push(again);
    await again.running();
    expect(again.output()).toContain(`The previous run on ${dataDir} (pid ${pids.supervisor}) ended without stopping its parts`);
    expect(readFileSync(join(scratch, 'cache-marker'), 'utf8')).toContain('server start-dev');

    expect(acknowledged.length).toBeGreaterThanOrEqual(60);
    console.log(`[npm start test] kill -9 during ${acknowledged.length} acknowledged hazard reports; checking each after the restart`);
    // Acknowledged (201, or 202: started, not yet in the ledger) means Temporal holds its workflow...
    const connection = await Connection.connect({ address: `127.0.0.1:${env.TEMPORAL_PORT}` });
    try {
      const client = new Client({ connection, namespace: 'duban-start' });
      const missing: string[] = [];
      for (const id of acknowledged)
        await client.workflow
          .getHandle(hazardWorkflowId(id))
          .describe()
          .catch(() => missing.push(id));
      expect(missing).toEqual([]);
    } finally {
      await connection.close();
    }
    // ...which the restarted worker brings into the ledger, and the API serves.
    await eventually(async () => {
      const ledger = await ledgerIds(Number(env.DUBAN_PG_PORT));
      return acknowledged.every((id) => ledger.has(id));
    }, 90_000);
    for (const id of acknowledged) expect((await callApi(apiUrl, secret, office, 'GET', `/hazards/${id}`)).status).toBe(200);
  }, 300_000);

  it('stops parts a killed run left running (only the recorded pids), and stops itself when npm is killed', async () => {
    const previous = runs[1]!;
    const pids = { ...(await previous.running()), ...recordedPids() };
    // Frozen, they ignore the parent-death signal: as if they had outlived the supervisor.
    for (const pid of [pids.api, pids.worker, pids.temporal, pids.postgres]) signalPid(pid, 'SIGSTOP');
    signalPid(pids.supervisor, 'SIGKILL');
    await previous.exited;
    for (const pid of [pids.api, pids.worker, pids.temporal, pids.postgres]) expect(isPidAlive(pid)).toBe(true);

    const run = startSupervisor(env, { asNpmChild: true });
    runs.push(run);
    const now = await run.running();
    for (const [what, pid] of [
      ['the API', pids.api],
      ['the worker', pids.worker],
      ['the Temporal dev server', pids.temporal],
      ['PostgreSQL', pids.postgres],
    ] as const) {
      expect(run.output()).toContain(`Stopped ${what} (pid ${pid}) left running by an earlier run`);
      expect(isPidAlive(pid)).toBe(false);
    }
    const ledger = await ledgerIds(Number(env.DUBAN_PG_PORT));
    expect(acknowledged.filter((id) => !ledger.has(id))).toEqual([]);

    // kill -9 of "the npm start process": the supervisor notices and stops everything in order.
    const latest = recordedPids();
    run.parent!.kill('SIGKILL');
    expect(await waitForPidExit(now.supervisor, 60_000)).toBe(true);
    expect(run.output()).toMatch(/npm \(pid \d+\) is gone\n\[duban\] stopping/);
    for (const pid of [now.api, now.worker, latest.temporal, latest.postgres]) expect(isPidAlive(pid)).toBe(false);
    for (const file of ['duban.pid', 'api.pid', 'worker.pid', join('temporal', 'temporal.pid')]) expect(existsSync(join(dataDir, file))).toBe(false);
  }, 300_000);

  it('stops in order on Ctrl-C: exit 0, its parts stopped by itself, no pid file left', async () => {
    const run = startSupervisor(env);
    runs.push(run);
    const pids = { ...(await run.running()), ...recordedPids() };
    signalPid(pids.supervisor, 'SIGINT');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.output()).toContain('[duban] SIGINT received\n[duban] stopping…');
    for (const pid of [pids.api, pids.worker, pids.temporal, pids.postgres]) expect(isPidAlive(pid)).toBe(false);
    for (const file of ['duban.pid', 'api.pid', 'worker.pid', join('temporal', 'temporal.pid')]) expect(existsSync(join(dataDir, file))).toBe(false);
  }, 300_000);

  it('uses TEMPORAL_ADDRESS and DATABASE_URL instead of its own servers, and generates the secret into the data dir', async () => {
    const namespace = 'duban-start-external';
    const connection = await Connection.connect({ address: inject('temporalAddress') });
    const database = `duban_start_${process.pid}`;
    const admin = new PgClient({ connectionString: inject('databaseUrl') });
    await admin.connect();
    try {
      // Its own namespace and database on the suite's servers: its worker must not take other tests' tasks.
      await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('1 day') }).catch((error) => {
        if (!/already/i.test(String(error))) throw error;
      });
      await eventually(async () => (await connection.workflowService.countWorkflowExecutions({ namespace }), true));
      await admin.query(`drop database if exists ${database}`);
      await admin.query(`create database ${database}`);
      const databaseUrl = inject('databaseUrl').replace(/\/[^/]+$/, `/${database}`);
      const externalData = join(scratch, 'external-data');
      const port = await findFreePort();
      const run = startSupervisor({
        ...cleanEnv(),
        PORT: String(port),
        HOST: '0.0.0.0',
        TEMPORAL_ADDRESS: inject('temporalAddress'),
        TEMPORAL_NAMESPACE: namespace,
        DATABASE_URL: databaseUrl,
        DUBAN_DATA_DIR: externalData,
      });
      runs.push(run);
      await run.running();
      apiUrl = `http://127.0.0.1:${port}`;
      const generated = readFileSync(join(externalData, 'auth-secret'), 'utf8');
      const created = await callApi(apiUrl, generated, inspector, 'POST', '/hazards', hazardReport(Date.now()));
      expect(created.status).toBe(201);
      expect((await callApi(apiUrl, secret, office, 'GET', '/hazards')).status).toBe(401);
      const hazardId: string = created.body.hazardId;
      // TEMPORAL_ADDRESS + TEMPORAL_NAMESPACE: the workflow is on the suite's server, in that namespace.
      const description = await new Client({ connection, namespace }).workflow.getHandle(hazardWorkflowId(hazardId)).describe();
      expect(description.status.name).toBe('RUNNING');
      // DATABASE_URL: migrated and written there; nothing of its own started in the data dir.
      const ledger = new PgClient({ connectionString: databaseUrl });
      await ledger.connect();
      expect((await ledger.query('select hazard_id from hazard_ledger')).rows).toEqual([{ hazard_id: hazardId }]);
      await ledger.end();
      expect(['temporal', 'postgres'].filter((part) => existsSync(join(externalData, part)))).toEqual([]);
      // HOST=0.0.0.0: it answers on this machine's other addresses too; DUBAN_LOG_LEVEL unset: Nest's info lines stay hidden.
      const other = Object.values(networkInterfaces())
        .flat()
        .find((a) => a && a.family === 'IPv4' && !a.internal);
      if (other) expect((await fetch(`http://${other.address}:${port}/health`)).status).toBe(200);
      expect(run.output()).not.toContain('Nest application successfully started');

      // SIGTERM (Ctrl-C's sibling): an orderly stop, exit 0, nothing left.
      const pids = await run.running();
      signalPid(pids.supervisor, 'SIGTERM');
      expect(await run.exited).toEqual({ code: 0, signal: null });
      for (const pid of [pids.api, pids.worker]) expect(isPidAlive(pid)).toBe(false);
    } finally {
      await connection.close();
      await admin.query(`drop database if exists ${database} with (force)`).catch(() => undefined);
      await admin.end();
    }
  }, 300_000);
});
