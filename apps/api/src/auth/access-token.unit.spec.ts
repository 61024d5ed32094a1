import { describe, expect, it } from 'vitest';
import { JwtService } from '@nestjs/jwt';
import type { Actor } from '@duban/domain';
import { actorFromClaims, signAccessToken, verifyAccessToken } from './access-token';

const SECRET = 'test-secret-0123456789';
const unitActor: Actor = { id: 'u-7', name: '张三', role: 'unit', unitId: 'unit-001' };

function tamper(token: string, change: (claims: Record<string, unknown>) => void): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  change(claims);
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

describe('access tokens', () => {
  it('round-trips an actor through sign and verify', () => {
    const token = signAccessToken(unitActor, SECRET);
    expect(verifyAccessToken(token, SECRET)).toEqual(unitActor);
    const office: Actor = { id: 'o-1', name: '李四', role: 'office' };
    expect(verifyAccessToken(signAccessToken(office, SECRET, 60), SECRET)).toEqual(office);
  });

  it('signs HS256 with the claims sub, name, role, unitId and an expiry', () => {
    const token = signAccessToken(unitActor, SECRET, '1h');
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
    const claims = new JwtService().decode(token);
    expect(header.alg).toBe('HS256');
    expect(claims).toMatchObject({ sub: 'u-7', name: '张三', role: 'unit', unitId: 'unit-001' });
    expect(claims.exp - claims.iat).toBe(3600);
  });

  it('rejects a tampered token (payload changed, signature kept)', () => {
    const token = signAccessToken(unitActor, SECRET);
    const forged = tamper(token, (claims) => {
      claims.role = 'office';
    });
    expect(() => verifyAccessToken(forged, SECRET)).toThrow(/invalid signature/);
  });

  it('rejects a token signed with another secret, an expired token and an unsigned (alg none) token', () => {
    expect(() => verifyAccessToken(signAccessToken(unitActor, 'other-secret'), SECRET)).toThrow(/invalid signature/);
    const expired = new JwtService().sign({ sub: 'x', name: 'x', role: 'office', exp: Math.floor(Date.now() / 1000) - 10 }, { secret: SECRET });
    expect(() => verifyAccessToken(expired, SECRET)).toThrow(/expired/);
    const unsigned = [
      Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
      Buffer.from(JSON.stringify({ sub: 'x', name: 'x', role: 'office' })).toString('base64url'),
      '',
    ].join('.');
    expect(() => verifyAccessToken(unsigned, SECRET)).toThrow();
  });

  it('refuses claims that are not a Duban actor, naming what is wrong', () => {
    expect(() => actorFromClaims({ sub: 'u', name: 'n', role: 'unit' })).toThrow(/unit token .* must name its unitId/);
    expect(() => actorFromClaims({ sub: 'u', name: 'n', role: 'system' })).toThrow(/role must be one of office, inspector, unit, auditor/);
    expect(() => actorFromClaims({ name: 'n', role: 'office' })).toThrow(/sub/);
    expect(() => actorFromClaims({ sub: 'u', role: 'office' })).toThrow(/name/);
    // A correctly signed token with bad claims is refused by verify too.
    const noUnit = new JwtService().sign({ sub: 'u', name: 'n', role: 'unit' }, { secret: SECRET });
    expect(() => verifyAccessToken(noUnit, SECRET)).toThrow(/unitId/);
  });

  it('does not issue tokens for a unit without unitId or for the system actor', () => {
    expect(() => signAccessToken({ id: 'u', name: 'n', role: 'unit' }, SECRET)).toThrow(/unitId/);
    expect(() => signAccessToken({ id: 'duban', name: '督办系统', role: 'system' }, SECRET)).toThrow(/system/);
  });

  it('carries a login’s session and scope (sid, personId, regionId, industryId) both ways, and refuses an empty one', () => {
    const logged: Actor = { ...unitActor, personId: 'p-7', regionId: '330106', industryId: 'construction', sessionId: 's-1' };
    const token = signAccessToken(logged, SECRET, 900);
    expect(new JwtService().decode(token)).toMatchObject({ sid: 's-1', personId: 'p-7', regionId: '330106', industryId: 'construction' });
    expect(verifyAccessToken(token, SECRET)).toEqual(logged);
    expect(() => actorFromClaims({ sub: 'u', name: 'n', role: 'office', sid: '' })).toThrow(/sid must be a non-empty string/);
    expect(() => actorFromClaims({ sub: 'u', name: 'n', role: 'office', regionId: 7 })).toThrow(/regionId must be a non-empty string/);
  });
});
