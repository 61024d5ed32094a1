/**
 * Login sessions (登录会话). A login opens a session family; each refresh token is one session
 * of it, used once: a refresh rotates it (marks it rotated, opens the next one in the family).
 * A rotated token presented again means two holders (a stolen copy): the whole family is
 * revoked, so the thief and the owner both log in again.
 */
export interface SessionPolicy {
  /** Lifetime of an access token (bearer): short, as a revocation does not shorten it where sessions are not checked. */
  accessTokenSeconds: number;
  /** Lifetime of one refresh token: the session ends when it is not refreshed within it. */
  refreshTokenSeconds: number;
  /** A family ends this long after its login, however often refreshed: then log in again. */
  familySeconds: number;
}

/** 15 minutes per access token; a refresh within 12 hours keeps the session, up to 7 days from the login. */
export const DEFAULT_SESSION_POLICY: SessionPolicy = { accessTokenSeconds: 15 * 60, refreshTokenSeconds: 12 * 3600, familySeconds: 7 * 24 * 3600 };

/** What the rules look at in one session. */
export interface SessionState {
  rotatedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
}

/** Why sessions end before their time: recorded on each one revoked. */
export const SESSION_REVOCATION_REASONS = ['logout', 'refresh_reused', 'account_disabled', 'account_changed', 'password_changed'] as const;
export type SessionRevocationReason = (typeof SESSION_REVOCATION_REASONS)[number];

/**
 * What a refresh with this session's token comes to: `rotate` (it is current), `reused` (it was
 * rotated already: revoke the family), `revoked` or `expired` (refused, nothing else happens).
 */
export type RefreshJudgement = 'rotate' | 'reused' | 'revoked' | 'expired';

export function judgeRefresh(session: SessionState, now: Date): RefreshJudgement {
  if (session.revokedAt !== null) return 'revoked';
  if (session.rotatedAt !== null) return 'reused';
  if (session.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'rotate';
}

/** Whether access tokens of this session are still honoured: not revoked, not expired (a rotated session's tokens live out their short lifetime). */
export function isSessionActive(session: Pick<SessionState, 'revokedAt' | 'expiresAt'>, now: Date): boolean {
  return session.revokedAt === null && session.expiresAt.getTime() > now.getTime();
}

/** When a family opened at `now` ends. */
export function familyExpiry(now: Date, policy: SessionPolicy): Date {
  return new Date(now.getTime() + policy.familySeconds * 1000);
}

/** When a session opened at `now` (at login or by a rotation) ends: a refresh lifetime on, but never after its family. */
export function sessionExpiry(now: Date, familyExpiresAt: Date, policy: SessionPolicy): Date {
  return new Date(Math.min(now.getTime() + policy.refreshTokenSeconds * 1000, familyExpiresAt.getTime()));
}

/** Refuses a policy no session could live by, naming what is wrong; answers the problems (empty when fine). */
export function sessionPolicyProblems(policy: SessionPolicy): string[] {
  const problems: string[] = [];
  for (const key of ['accessTokenSeconds', 'refreshTokenSeconds', 'familySeconds'] as const) {
    if (!Number.isInteger(policy[key]) || policy[key] <= 0) problems.push(`${key} must be a positive whole number of seconds, got ${policy[key]}`);
  }
  if (policy.refreshTokenSeconds > policy.familySeconds) problems.push('refreshTokenSeconds must not exceed familySeconds');
  if (policy.accessTokenSeconds > policy.refreshTokenSeconds) problems.push('accessTokenSeconds must not exceed refreshTokenSeconds');
  return problems;
}
