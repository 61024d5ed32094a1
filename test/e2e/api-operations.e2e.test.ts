import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { INestApplication } from '@nestjs/common';
import { inject } from 'vitest';
import type { Actor } from '@duban/domain';
import { createApiApp } from '../../apps/api/src/api-app';
import { signAccessToken } from '../../apps/api/src/auth/access-token';
import { workerLog } from '../../apps/worker/src/worker-log';
import { eventually } from '../support/dev-server';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

// What operators expect of the real API (createApiApp on the suite's PostgreSQL and Temporal,
// each behind a TCP relay the test can cut): readiness that names the part that is down,
// liveness that does not care, rate limits per caller with 429 + Retry-After, JSON log lines.

const SECRET = 'operations-e2e-secret';
const LIMIT = 5;
const unitA: Actor = { id: 'u-a', name: '甲公司 张三', role: 'unit', unitId: 'unit-a' };
const unitB: Actor = { id: 'u-b', name: '乙公司 钱七', role: 'unit', unitId: 'unit-b' };

const raw: string[] = [];
const capture = { write: (chunk: string) => void raw.push(...chunk.split('\n').filter(Boolean)) };

let pg: TcpProxy;
let temporal: TcpProxy;
let app: INestApplication;
let base: string;

beforeAll(async () => {
  const databaseUrl = new URL(inject('databaseUrl'));
  const [temporalHost, temporalPort] = inject('temporalAddress').split(':') as [string, string];
  pg = await startTcpProxy(databaseUrl.hostname, Number(databaseUrl.port));
  temporal = await startTcpProxy(temporalHost, Number(temporalPort));
  databaseUrl.host = `127.0.0.1:${pg.port}`;
  app = await createApiApp(
    {
      databaseUrl: databaseUrl.toString(),
      temporal: { address: `127.0.0.1:${temporal.port}`, namespace: inject('temporalNamespace') },
      authSecret: SECRET,
      rateLimit: { limit: LIMIT, windowMs: 60_000 },
    },
    { logger: ['fatal', 'error', 'warn', 'log'], logStream: capture },
  );
  await app.listen(0, '127.0.0.1');
  base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
});

/**
 * The Temporal client retries an unreachable server on timers of up to 6 s (grpc-retry: 5 s × 1.2
 * jitter) that the probe's abort does not clear; one firing after the client closed throws
 * "Channel has been shut down" out of its timer. The app closes only once they have all fired.
 */
const SDK_RETRY_QUIET_MS = 7_000;
let temporalRestoredAt = 0;

afterAll(async () => {
  const quietIn = temporalRestoredAt + SDK_RETRY_QUIET_MS - Date.now();
  if (quietIn > 0) await new Promise((resolve) => setTimeout(resolve, quietIn));
  await app?.close();
  await pg?.close();
  await temporal?.close();
});

async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${base}${path}`, { headers });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

const as = (actor: Actor) => ({ authorization: `Bearer ${signAccessToken(actor, SECRET)}` });

describe('readiness (/health/ready) and liveness (/health)', () => {
  it('is ready when PostgreSQL and Temporal both answer', async () => {
    const ready = await get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      info: { postgres: { status: 'up' }, temporal: { status: 'up', namespace: inject('temporalNamespace') } },
      error: {},
    });
  });

  it('answers 503 naming PostgreSQL while it is unreachable, and is ready again once it is back', async () => {
    pg.cut();
    try {
      const down = await get('/health/ready');
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ status: 'error', error: { postgres: { status: 'down' } }, info: { temporal: { status: 'up' } } });
      expect(down.body.error).not.toHaveProperty('temporal');
      // Liveness does not depend on the parts: the process answers.
      expect(await get('/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    } finally {
      pg.restore();
    }
    await eventually(async () => (await get('/health/ready')).status === 200, 20_000);
  });

  it('answers 503 naming Temporal while it is unreachable, and is ready again once it is back', async () => {
    temporal.cut();
    try {
      const started = Date.now();
      const down = await get('/health/ready', { 'x-request-id': 'probe-temporal-down' });
      expect(down.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(down.body).toMatchObject({ status: 'error', error: { temporal: { status: 'down' } }, info: { postgres: { status: 'up' } } });
      expect(down.body.error).not.toHaveProperty('postgres');
      // Terminus logs the failure, within the request: its line carries the request id.
      expect(raw.map((l) => JSON.parse(l)).some((l) => l.reqId === 'probe-temporal-down' && l.level === 'error')).toBe(true);
    } finally {
      temporal.restore();
      temporalRestoredAt = Date.now();
    }
    await eventually(async () => (await get('/health/ready')).status === 200, 30_000);
  });
});

describe('rate limiting per caller', () => {
  it('gives each token subject its own budget, then 429 with Retry-After', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await get('/hazards?limit=1', as(unitA))).status).toBe(200);
    const limited = await get('/hazards?limit=1', { ...as(unitA), 'x-request-id': 'over-the-limit' });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    // Another unit's token, even from the same address, still has its own budget.
    expect((await get('/hazards?limit=1', as(unitB))).status).toBe(200);
    // The 429 is logged as a warning, naming whom it limited.
    const line = raw.map((l) => JSON.parse(l)).find((l) => l.reqId === 'over-the-limit');
    expect(line).toMatchObject({ level: 'warn', res: { statusCode: 429 } });
  });

  it('counts callers without a valid token by address, before the token is even checked; health probes are never limited', async () => {
    const statuses = [];
    for (let i = 0; i <= LIMIT; i++) statuses.push((await get('/hazards', i % 2 ? { authorization: 'Bearer forged' } : {})).status);
    expect(statuses).toEqual([...Array(LIMIT).fill(401), 429]);
    expect((await get('/health')).status).toBe(200);
    expect((await get('/health/ready')).status).toBe(200);
  });
});

describe('log lines', () => {
  it('are one JSON object each, in the worker’s shape too', () => {
    const lines = raw.map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(10);
    const keysOf = (line: Record<string, unknown>) => ['level', 'time', 'service', 'pid', 'hostname', 'msg'].filter((k) => k in line);
    for (const line of lines) expect(keysOf(line)).toEqual(['level', 'time', 'service', 'pid', 'hostname', 'msg']);
    const worker: string[] = [];
    workerLog('INFO', { write: (chunk: string) => void worker.push(chunk) }).info({ taskQueue: 'duban' }, 'polling');
    const workerLine = JSON.parse(worker[0]!);
    expect(keysOf(workerLine)).toEqual(keysOf(lines[0]!));
    expect(workerLine).toMatchObject({ level: 'info', service: 'duban-worker', taskQueue: 'duban', msg: 'polling' });
    expect(typeof workerLine.time).toBe(typeof lines[0]!.time);
  });
});
