import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Controller, Get, Logger as NestLogger, Module } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { HAZARD_PERMISSIONS } from '@duban/domain';
import { signAccessToken } from '../auth/access-token';
import { Permit } from '../auth/permit.decorator';
import { HealthModule } from '../health/health.module';
import { office, unitA } from '../testing/actors';
import { startTestApp, type TestApp } from '../testing/start-test-app';
import { LoggingModule } from './logging.module';

// The API's log lines: one JSON object per line; every line of a request carries its id and,
// once the token is verified, the acting user; the token itself never appears.

const SECRET = 'logging-spec-secret';

@Controller('probe')
class ProbeController {
  private readonly logger = new NestLogger('Probe');

  /** Logs from inside the handler, as any service does. */
  @Get()
  probe(): { ok: true } {
    this.logger.log('inside the handler');
    return { ok: true };
  }

  @Get('verify-only')
  @Permit(HAZARD_PERMISSIONS, 'verify')
  refused(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

const raw: string[] = [];
const capture = { write: (line: string) => void raw.push(...line.split('\n').filter(Boolean)) };
const lines = () => raw.map((line) => JSON.parse(line) as Record<string, any>);

let api: TestApp;

beforeAll(async () => {
  api = await startTestApp({
    secret: SECRET,
    now: new Date('2026-03-02T08:00:00.000Z'),
    client: {},
    imports: [LoggingModule.forRoot({ level: 'info', stream: capture }), HealthModule, ProbeModule],
  });
  api.app.useLogger(api.app.get(Logger));
});

afterAll(async () => {
  await api?.close();
});

beforeEach(() => {
  raw.length = 0;
});

/** A GET with these headers; the answer's status and X-Request-Id, once its completion line is written. */
async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; requestId: string | null }> {
  const before = raw.length;
  const res = await fetch(`${api.base}${path}`, { headers });
  await res.text();
  // The completion line is written when the answer finishes: wait for it.
  for (let i = 0; i < 50 && !raw.slice(before).some((l) => l.includes('"responseTime"')); i++) await new Promise((r) => setTimeout(r, 10));
  return { status: res.status, requestId: res.headers.get('x-request-id') };
}

describe('request logs', () => {
  it('writes one JSON object per line, every line of the request with its id and the acting user', async () => {
    const token = signAccessToken(unitA, SECRET);
    const res = await get('/probe', { authorization: `Bearer ${token}`, 'x-request-id': 'trace-4bf92f3577b34da6.01' });
    expect(res).toEqual({ status: 200, requestId: 'trace-4bf92f3577b34da6.01' });
    const mine = lines().filter((l) => l.reqId === 'trace-4bf92f3577b34da6.01');
    expect(mine.map((l) => l.msg)).toEqual(['inside the handler', expect.stringMatching(/^GET \/probe 200 in \d+ ms$/)]);
    for (const line of mine) {
      expect(line).toMatchObject({ level: 'info', service: 'duban-api', user: { id: unitA.id, role: 'unit', unitId: 'unit-a' } });
      expect(new Date(line.time).toISOString()).toBe(line.time);
    }
    expect(mine[0]).toMatchObject({ context: 'Probe' });
    expect(mine[1]).toMatchObject({ req: { method: 'GET', url: '/probe' }, res: { statusCode: 200 }, responseTime: expect.any(Number) });
    expect(mine[1]!.req).not.toHaveProperty('headers');
    expect(raw.join('\n')).not.toContain(token);
    expect(raw.join('\n')).not.toContain(token.split('.')[2]);
  });

  it('generates a request id when none or a malformed one comes in, and echoes it', async () => {
    const none = await get('/probe', { authorization: `Bearer ${signAccessToken(office, SECRET)}` });
    expect(none.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    for (const bad of ['has spaces in it', '"}{"level":"fatal', 'x'.repeat(129)]) {
      const res = await get('/probe', { authorization: `Bearer ${signAccessToken(office, SECRET)}`, 'x-request-id': bad });
      expect(res.requestId).not.toBe(bad);
      expect(res.requestId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(new Set(lines().map((l) => l.reqId)).size).toBe(4);
  });

  it('names no user before authentication (401) and names the user it refused (403)', async () => {
    const anonymous = await get('/probe');
    expect(anonymous.status).toBe(401);
    const [unauthenticated] = lines().filter((l) => l.reqId === anonymous.requestId);
    expect(unauthenticated).toMatchObject({ res: { statusCode: 401 } });
    expect(unauthenticated).not.toHaveProperty('user');

    const refused = await get('/probe/verify-only', { authorization: `Bearer ${signAccessToken(unitA, SECRET)}` });
    expect(refused.status).toBe(403);
    expect(lines().find((l) => l.reqId === refused.requestId)).toMatchObject({ res: { statusCode: 403 }, user: { id: unitA.id, role: 'unit' } });
  });

  it('writes no line for the health probes', async () => {
    expect((await get('/health')).status).toBe(200);
    expect(lines().filter((l) => l.req?.url === '/health')).toEqual([]);
  });
});
