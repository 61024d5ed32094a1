import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_POLICY, familyExpiry, isSessionActive, judgeRefresh, sessionExpiry, sessionPolicyProblems } from './session-rules';

const T0 = new Date('2026-03-02T01:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const HOUR = 3600;

describe('refresh-token rotation (刷新令牌轮换)', () => {
  const current = { rotatedAt: null, revokedAt: null, expiresAt: at(12 * HOUR) };

  it('rotates a current token', () => {
    expect(judgeRefresh(current, at(HOUR))).toBe('rotate');
  });

  it('a rotated token used again is reuse (theft: the family is revoked)', () => {
    expect(judgeRefresh({ ...current, rotatedAt: at(60) }, at(HOUR))).toBe('reused');
  });

  it('a revoked token is refused as revoked, even if it was also rotated (the family is gone already)', () => {
    expect(judgeRefresh({ ...current, revokedAt: at(60) }, at(HOUR))).toBe('revoked');
    expect(judgeRefresh({ ...current, rotatedAt: at(30), revokedAt: at(60) }, at(HOUR))).toBe('revoked');
  });

  it('an expired token is refused, at its expiry instant already', () => {
    expect(judgeRefresh(current, at(12 * HOUR))).toBe('expired');
    expect(judgeRefresh(current, at(12 * HOUR - 1))).toBe('rotate');
  });
});

describe('session expiry', () => {
  it('a session lives one refresh lifetime, never past its family', () => {
    const family = familyExpiry(T0, DEFAULT_SESSION_POLICY);
    expect(family).toEqual(at(7 * 24 * HOUR));
    expect(sessionExpiry(T0, family, DEFAULT_SESSION_POLICY)).toEqual(at(12 * HOUR));
    expect(sessionExpiry(at(7 * 24 * HOUR - HOUR), family, DEFAULT_SESSION_POLICY)).toEqual(family);
  });

  it("a rotated session's access tokens stay honoured; a revoked or expired one's do not", () => {
    expect(isSessionActive({ revokedAt: null, expiresAt: at(10) }, at(5))).toBe(true);
    expect(isSessionActive({ revokedAt: at(1), expiresAt: at(10) }, at(5))).toBe(false);
    expect(isSessionActive({ revokedAt: null, expiresAt: at(10) }, at(10))).toBe(false);
  });

  it('the default policy is 15-minute access tokens; a policy no session could live by is named', () => {
    expect(DEFAULT_SESSION_POLICY.accessTokenSeconds).toBe(900);
    expect(sessionPolicyProblems(DEFAULT_SESSION_POLICY)).toEqual([]);
    expect(sessionPolicyProblems({ accessTokenSeconds: 0, refreshTokenSeconds: 10, familySeconds: 5 })).toEqual([
      'accessTokenSeconds must be a positive whole number of seconds, got 0',
      'refreshTokenSeconds must not exceed familySeconds',
    ]);
    expect(sessionPolicyProblems({ accessTokenSeconds: 60, refreshTokenSeconds: 30, familySeconds: 90 })).toEqual([
      'accessTokenSeconds must not exceed refreshTokenSeconds',
    ]);
  });
});
