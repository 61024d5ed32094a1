import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { signAccessToken } from '../../apps/api/src/auth/access-token';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { DAY_MS, fiveInPlacePlan, hazardReport, inspector, office } from '../support/hazard-fixtures';

/**
 * What the API answers on the wire, through the whole product: statuses, `Location`,
 * `Retry-After`-free creates, 405 with `Allow`, and every error as an RFC 9457 problem.
 */
const SECRET = 'http-answers-secret';
const run = randomUUID().slice(0, 8);
const unit: Actor = { id: 'unit-http', name: 'HTTP测试单位 王', role: 'unit', unitId: `unit-http-${run}` };

let api: ApiHarness;
beforeAll(async () => {
  api = await startApiHarness(SECRET);
});
afterAll(async () => api?.close());

async function send(method: string, path: string, actor?: Actor, body?: unknown): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(`${api.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(actor ? { authorization: `Bearer ${signAccessToken(actor, SECRET)}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

describe('HTTP answers (real Temporal dev server and PostgreSQL)', () => {
  it('answers a create 201 with Location, an action on it 200 without one', async () => {
    const created = await send('POST', '/hazards', inspector, hazardReport(Date.now(), { unitId: unit.unitId }));
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/hazards/${created.body.hazardId}`);
    expect(created.headers.get('retry-after')).toBeNull();
    expect((await send('GET', created.headers.get('location')!, office)).status).toBe(200);

    const plan = await send('POST', `/hazards/${created.body.hazardId}/plan`, unit, fiveInPlacePlan(Date.now() + 20 * DAY_MS));
    expect(plan.status).toBe(200);
    expect(plan.headers.get('location')).toBeNull();
  });

  it('names a missing required field as required, never as too long (the verification without a comment)', async () => {
    const created = await send('POST', '/hazards', inspector, hazardReport(Date.now(), { unitId: unit.unitId }));
    const refused = await send('POST', `/hazards/${created.body.hazardId}/verification`, inspector, { decision: 'accept', effectEvaluation: 'ok' });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body).toEqual({
      type: '/problems/request.invalid',
      title: 'Bad Request',
      status: 400,
      detail: 'comment is required',
      code: 'request.invalid',
      field: 'comment',
      errors: [{ field: 'comment', detail: 'comment is required' }],
    });
  });

  it('answers a known path asked with another method 405 with Allow from the routes; an unknown path stays 404', async () => {
    const wrong = await send('PUT', '/hazards', office, {});
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(wrong.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(wrong.body).toMatchObject({ status: 405, title: 'Method Not Allowed', code: 'method.not_allowed' });
    const onOne = await send('DELETE', `/hazards/${randomUUID()}`, office);
    expect([onOne.status, onOne.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    // Without a token too: the method is wrong whoever asks.
    expect((await send('PATCH', '/campaigns', undefined, {})).status).toBe(405);
    const unknown = await send('GET', '/nowhere', office);
    expect(unknown).toMatchObject({ status: 404, body: { code: 'route.not_found' } });
    expect(unknown.headers.get('allow')).toBeNull();
  });

  it('answers every refusal as a problem with a stable code, and resolves its type', async () => {
    const unauthenticated = await send('GET', '/hazards');
    expect(unauthenticated).toMatchObject({ status: 401, body: { type: '/problems/auth.unauthenticated', code: 'auth.unauthenticated' } });
    expect(unauthenticated.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(unauthenticated.headers.get('www-authenticate')).toBe('Bearer realm="duban"');
    const forbidden = await send('POST', '/campaigns', inspector, {});
    expect(forbidden.body).toMatchObject({ status: 403, code: 'permission.role_not_allowed' });
    const malformed = await fetch(`${api.baseUrl}/hazards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${signAccessToken(office, SECRET)}` },
      body: '{"title": ',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'request.invalid' });

    const type = await send('GET', '/problems/hazard.plan.five_in_place_missing');
    expect(type).toMatchObject({
      status: 200,
      body: { code: 'hazard.plan.five_in_place_missing', status: 400, title: 'Bad Request', zh: '整改方案未达到"五到位"' },
    });
    expect((await send('GET', '/problems')).body.map((t: any) => t.code)).toEqual(
      expect.arrayContaining(['hazard.closed', 'request.invalid', 'method.not_allowed']),
    );
    expect((await send('GET', '/problems/no.such.code')).body).toMatchObject({ status: 404, code: 'resource.not_found' });
  });
});
