import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signalPid } from '../../infra/src/process-utils';
import { DEFAULT_WORKER_MEMORY_BUDGET_MB } from '../../apps/worker/src/worker-memory';
import { hazardReport, inspector, office } from '../support/hazard-fixtures';
import { startFaultCluster, type FaultCluster } from './fault-cluster';
import { tallyFault, type FaultTally } from './fault-checks';
import { FaultClients, inParallel } from './fault-clients';
import { faultUnits, nextAction, startProbe, type FaultUnit } from './fault-workload';
import { rssMb, watchWorkerMemory } from './worker-memory-watch';

// The fault suite (issue 13) on the production shape: the full Temporal server on PostgreSQL,
// `npm run start:cluster`'s API and two workers, clients that retry with their Idempotency-Key.
// Sequential: each fault continues the campaign the one before left. Sizes from the environment.
const envNumber = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
// 100 by default: what fits npm test's ~6 min for this suite on 2 shared cores (see README); 1,000 is DUBAN_FAULT_UNITS=1000.
const UNITS = envNumber('DUBAN_FAULT_UNITS', 100);
const KILL_EVERY_S = envNumber('DUBAN_FAULT_KILL_EVERY_S', 5);
const PG_DOWN_S = envNumber('DUBAN_FAULT_PG_DOWN_S', 60);
const TEMPORAL_DOWN_S = 3;
const CONCURRENCY = 8;
/** Each fault's limit: a safety net that grows with the campaign (1,000 units: 15 min). */
const FAULT_TIMEOUT_MS = Math.max(600_000, UNITS * 900);
const BROKEN = process.env.DUBAN_FAULT_BROKEN_PROJECTION === '1';
/** What makes a worker die right after committing the write (fault-worker-preload.cjs). */
const KILL_AFTER_COMMIT = '[kill-after-commit]';

const started = Date.now();
let cluster: FaultCluster;
let clients: FaultClients;
const units: FaultUnit[] = faultUnits(UNITS + 1);
const probeUnit = units.pop()!;
const figures: Record<string, FaultTally & Record<string, unknown>> = {};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: unknown) => (typeof ms === 'number' ? `${(ms / 1000).toFixed(1)} s` : 'n/a');

interface FaultRun {
  probe: ReturnType<typeof startProbe>;
  working: () => boolean;
}

/**
 * `rounds` actions of every unit (CONCURRENCY at a time) while `fault` runs beside them and a
 * probe measures recovery; then the tally. `restoredAt` (from `fault`'s figures): when the fault
 * ended, from which "ledger caught up" is measured — the last acknowledgement of an action sent
 * before it (each acknowledgement implies the ledger write: updates wait for their projection).
 */
async function campaignUnder(faultName: string, rounds: number, fault: (run: FaultRun) => Promise<Record<string, unknown>>, marked?: FaultUnit) {
  const probe = startProbe(clients, faultName, probeUnit);
  const memory = watchWorkerMemory(() => cluster.workerPids());
  let working = true;
  const work = (async () => {
    try {
      for (let round = 0; round < rounds; round++)
        await inParallel(units, CONCURRENCY, (unit) =>
          nextAction(clients, faultName, unit, unit === marked && unit.planned ? KILL_AFTER_COMMIT : '').then(() => undefined),
        );
    } finally {
      // Also when the work fails: the fault stops with it rather than running on into the next test.
      working = false;
    }
  })();
  const measured = await fault({ probe, working: () => working });
  await work;
  await probe.stop();
  // From each fault to the acknowledgement of the probe's first action sent after it: the worst of them.
  const faultTimes = (measured.faultTimes as number[] | undefined) ?? [];
  const recoveries = faultTimes.map((t) => probe.recoveryMs(t)).filter((ms): ms is number => ms !== undefined);
  measured.recoveryMs = recoveries.length > 0 ? Math.max(...recoveries) : undefined;
  delete measured.faultTimes;
  const restoredAt = measured.restoredAt as number | undefined;
  if (restoredAt !== undefined) {
    const before = clients.acknowledged.filter((a) => a.fault === faultName && a.sentAt < restoredAt);
    measured.ledgerCaughtUpMs = Math.max(0, ...before.map((a) => a.at - restoredAt));
    delete measured.restoredAt;
  }
  measured.workerPeakRssMb = memory.stop();
  const tally = await tallyFault(faultName, clients, cluster);
  figures[faultName] = { ...tally, ...measured, workerRssMb: cluster.workerPids().map(rssMb).join(' / ') };
  console.log(`[faults] ${faultName}: ${JSON.stringify(figures[faultName])}`);
  return tally;
}

/** What must hold after every fault: nothing acknowledged lost, nothing applied twice, no drift. */
function expectNothingLost(tally: FaultTally) {
  expect(tally.acknowledged).toBeGreaterThan(0);
  const { lostInWorkflow, lostInLedger, duplicated, duplicateEvents, drift } = tally;
  expect({ lostInWorkflow, lostInLedger, duplicated, duplicateEvents, drift }).toEqual({
    lostInWorkflow: 0,
    lostInLedger: 0,
    duplicated: 0,
    duplicateEvents: 0,
    drift: 0,
  });
  expect(clients.gaveUp).toBe(0);
}

/** What the workers' cache is sized for (apps/worker/src/worker-memory.ts): no worker passed it while the fault ran. */
function expectWithinMemoryBudget(faultName: string) {
  expect(figures[faultName]!.workerPeakRssMb).toBeLessThanOrEqual(DEFAULT_WORKER_MEMORY_BUDGET_MB);
}

beforeAll(async () => {
  cluster = await startFaultCluster({ workers: 2, env: BROKEN ? { DUBAN_FAULT_BROKEN_PROJECTION: '1' } : {} });
  clients = new FaultClients(cluster.apiUrl, cluster.secret);
  const created = await clients.write(inspector, '/hazards', hazardReport(Date.now(), { unitId: probeUnit.actor.unitId! }));
  probeUnit.hazardId = created?.body.hazardId;
}, 600_000);

afterAll(async () => {
  await cluster?.close();
  const rows = Object.entries(figures).map(([fault, f]) => {
    const measured = Object.entries(f).filter(([k]) => k.endsWith('Ms') || k.endsWith('Mb') || k === 'faults');
    return (
      `  ${fault.padEnd(14)} acknowledged ${f.acknowledged}, lost ${f.lostInWorkflow}/${f.lostInLedger} (workflow/ledger), ` +
      `duplicated ${f.duplicated}/${f.doubledInWorkflow} (+${f.duplicateEvents} duplicate events), drift ${f.drift}; ` +
      measured.map(([k, v]) => `${k} ${k.endsWith('Ms') ? seconds(v) : String(v)}`).join(', ')
    );
  });
  console.log(
    `[faults] ${UNITS} units, kill every ${KILL_EVERY_S} s, PostgreSQL down ${PG_DOWN_S} s${BROKEN ? ', BROKEN projection' : ''}\n${rows.join('\n')}\n` +
      `  client retries ${clients?.retries}, gave up ${clients?.gaveUp}, refused ${clients?.refused.length}, statuses ${JSON.stringify(Object.fromEntries(clients?.statuses ?? []))}\n` +
      `[faults] wall time ${seconds(Date.now() - started)}`,
  );
}, 180_000);

describe(`the fault suite: ${UNITS} units on the full Temporal server, two workers, PostgreSQL`, () => {
  it(
    `kill -9 of a worker once it has run ${KILL_EVERY_S} s (alternating), and once right after a ledger commit: nothing acknowledged lost or applied twice`,
    async () => {
      let kills = 0;
      const tally = await campaignUnder(
        'worker-kill',
        3,
        async ({ working }) => {
          const faultTimes: number[] = [];
          // Each worker process is killed once it has lived KILL_EVERY_S, with the other one alive:
          // on a loaded machine a restart takes seconds, and a fixed clock would kill workers still
          // starting, leaving one at work (the suite then measures that, not recovery).
          const firstSeen = new Map<number, number>();
          while (working()) {
            const alive = cluster.workerPids();
            for (const pid of alive) if (!firstSeen.has(pid)) firstSeen.set(pid, Date.now());
            const target = alive[kills % 2];
            if (alive.length === 2 && alive.every((pid) => Date.now() - firstSeen.get(pid)! >= KILL_EVERY_S * 1000)) {
              faultTimes.push(Date.now());
              signalPid(target!, 'SIGKILL');
              kills++;
            }
            await sleep(250);
          }
          return { faults: `${kills} kills + 1 after a commit`, faultTimes };
        },
        units[0],
      );
      expect(kills).toBeGreaterThan(0);
      expect(cluster.supervisor.output()).toMatch(/worker-\d restarted as pid \d+/);
      expectNothingLost(tally);
      expectWithinMemoryBudget('worker-kill');
    },
    FAULT_TIMEOUT_MS,
  );

  it(
    `kill -9 of the Temporal server, restarted ${TEMPORAL_DOWN_S} s later: clients retry by themselves, the same counts hold`,
    async () => {
      const tally = await campaignUnder('temporal-kill', 2, async () => {
        await sleep(1_500);
        const { killedAt, servingAt } = await cluster.killTemporal(TEMPORAL_DOWN_S * 1000);
        await sleep(2_000);
        return {
          faults: `server pid killed, serving again after ${seconds(servingAt - killedAt)}`,
          faultTimes: [killedAt],
          restoredAt: servingAt,
        };
      });
      expectNothingLost(tally);
      expectWithinMemoryBudget('temporal-kill');
    },
    FAULT_TIMEOUT_MS,
  );

  it(
    `PostgreSQL stopped for ${PG_DOWN_S} s: reads answer 503 with Retry-After, never 500; projections catch up; nothing lost`,
    async () => {
      const reads = new Map<string, number>();
      let stopped = true;
      const tally = await campaignUnder('pg-down', 2, async () => {
        await sleep(1_000);
        const stoppedAt = Date.now();
        await cluster.stopLedger();
        const readers = inParallel([0, 1], 2, async () => {
          while (stopped) {
            const unit = units[Math.floor(Math.random() * units.length)]!;
            for (const path of [`/hazards/${unit.hazardId}`, '/hazards?limit=20']) {
              const answer = await clients.once(office, 'GET', path);
              const what = answer
                ? `${answer.status}${answer.status === 503 ? ` ${answer.body?.code} Retry-After ${answer.headers.get('retry-after')}` : ''}`
                : 'connection error';
              reads.set(what, (reads.get(what) ?? 0) + 1);
            }
            await sleep(200);
          }
        });
        await sleep(PG_DOWN_S * 1000);
        await cluster.startLedger();
        const restoredAt = Date.now();
        stopped = false;
        await readers;
        return {
          faults: `ledger PostgreSQL down ${PG_DOWN_S} s`,
          faultTimes: [stoppedAt],
          restoredAt,
          reads: JSON.stringify(Object.fromEntries(reads)),
        };
      });
      console.log(`[faults] reads during the outage: ${JSON.stringify(Object.fromEntries(reads))}`);
      expect([...reads.keys()].filter((what) => what.startsWith('5') && !what.startsWith('503 ledger.unavailable Retry-After'))).toEqual([]);
      expect(reads.get(`503 ledger.unavailable Retry-After 5`)).toBeGreaterThan(0);
      expect([...clients.statuses.keys()].filter((s) => s.endsWith(' 500'))).toEqual([]);
      expectNothingLost(tally);
      expectWithinMemoryBudget('pg-down');
    },
    FAULT_TIMEOUT_MS,
  );
});
