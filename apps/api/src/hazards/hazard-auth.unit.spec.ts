import { describe, expect, it } from 'vitest';
import { JwtService } from '@nestjs/jwt';
import type { Actor } from '@duban/domain';
import { signAccessToken } from '../auth/access-token';
import { auditor, unitA } from '../testing/actors';
import { useHazardSpecApp, report, reportSampleHazard, SECRET } from '../testing/in-memory-hazards';

/** Who may call the hazard API: bearer tokens (401) and the permission table's roles (403). */
const spec = useHazardSpecApp();
const { hazards, call } = spec;

const reportHazard = (as?: Actor, overrides?: object) => reportSampleHazard(spec.api, as, overrides);

describe('authentication (401) and roles (403)', () => {
  it('lets /health through without a token', async () => {
    expect(await call('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('refuses a missing, malformed or tampered token with 401 saying so', async () => {
    const missing = await call('GET', '/hazards');
    expect(missing.status).toBe(401);
    expect(missing.body.detail).toMatch(/missing bearer token/);
    const garbage = await call('GET', '/hazards', 'not-a-jwt');
    expect(garbage.status).toBe(401);
    expect(garbage.body.detail).toMatch(/invalid bearer token/);
    const [h, , s] = signAccessToken(unitA, SECRET).split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'u-a', name: 'x', role: 'office' })).toString('base64url');
    const tampered = await call('GET', '/hazards', `${h}.${forgedPayload}.${s}`);
    expect(tampered.status).toBe(401);
    expect(tampered.body.detail).toMatch(/invalid signature/);
  });

  it('refuses a unit token without unitId with 401', async () => {
    const token = new JwtService().sign({ sub: 'u', name: 'n', role: 'unit' }, { secret: SECRET, algorithm: 'HS256' });
    const res = await call('GET', '/hazards', token);
    expect(res.status).toBe(401);
    expect(res.body.detail).toMatch(/unitId/);
  });

  it("refuses a wrong role with 403 saying who may, in the domain's words", async () => {
    const res = await call('POST', '/hazards', auditor, report);
    expect(res.status).toBe(403);
    expect(res.body.detail).toBe('auditor may not report: reporting a hazard is for the office, inspectors, or a unit self-reporting');
    const id = await reportHazard();
    const verify = await call('POST', `/hazards/${id}/verification`, unitA, { decision: 'accept', comment: 'ok' });
    expect(verify.status).toBe(403);
    expect(verify.body.detail).toMatch(/^unit may not verify: verification \(验收\) is done by the inspecting side or the office/);
    expect(hazards.updates).toEqual([]);
  });
});
