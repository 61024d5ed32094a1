import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort, resolveTemporalCli } from '../../infra/src';
import { stopLeftovers } from '../../infra/src/leftovers';
import { isPidAlive, readFileSafe, signalPid, waitForPidExit } from '../../infra/src/process-utils';
import { dataDirProcesses } from '../../infra/src/supervisor/data-dir-processes';
import { buildLikeNpmStart, cleanEnv, startSupervisor, type SupervisorRun } from './supervisor-harness';

// A real `npm start` whose PostgreSQL cannot start (its port is taken): it must not leave the
// Temporal dev server it had already started running.
const scratch = mkdtempSync(join(tmpdir(), 'duban-npm-start-failure-'));
const runs: SupervisorRun[] = [];

afterAll(async () => {
  for (const run of runs) if (isPidAlive(run.pid())) signalPid(run.pid(), 'SIGTERM');
  for (const run of runs) if (!(await waitForPidExit(run.pid(), 30_000))) signalPid(run.pid(), 'SIGKILL');
  await stopLeftovers(dataDirProcesses(join(scratch, 'failing-data')), () => undefined);
  rmSync(scratch, { recursive: true, force: true });
}, 120_000);

describe('npm start that cannot start', () => {
  it('stops the parts it already started when a later one cannot start, saying why', async () => {
    await buildLikeNpmStart();
    const failingData = join(scratch, 'failing-data');
    const held = createServer();
    await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
    const pgPort = (held.address() as AddressInfo).port;
    try {
      const run = startSupervisor({
        ...cleanEnv(),
        PORT: String(await findFreePort()),
        TEMPORAL_PORT: String(await findFreePort()),
        TEMPORAL_UI_PORT: String(await findFreePort()),
        TEMPORAL_CLI: await resolveTemporalCli(),
        DUBAN_PG_PORT: String(pgPort),
        DUBAN_DATA_DIR: failingData,
      });
      runs.push(run);
      expect(await run.exited).toEqual({ code: 1, signal: null });
      expect(run.output()).toContain('Temporal dev server ready');
      expect(run.output()).toContain(`start failed: Port ${pgPort} (PostgreSQL) is already in use: stop whatever holds it or set DUBAN_PG_PORT`);
      // The dev server it had started is gone with it (found by the file only it had open).
      const db = join(failingData, 'temporal', 'temporal.db');
      const holders = readdirSync('/proc').filter(
        (pid) => /^\d+$/.test(pid) && isPidAlive(Number(pid)) && readFileSafe(`/proc/${pid}/cmdline`).includes(db),
      );
      expect(holders).toEqual([]);
      // Stopped by the supervisor itself, not by the parent-death signal after it: it saw the exit and cleared the pid file.
      expect(existsSync(join(failingData, 'temporal', 'temporal.pid'))).toBe(false);
      expect(existsSync(join(failingData, 'duban.pid'))).toBe(false);
    } finally {
      held.close();
    }
  }, 120_000);
});
