import { DEFAULT_SESSION_POLICY, LOGIN_NAME_PATTERN, PASSWORD_POLICY, sessionPolicyProblems, type SessionPolicy } from '@duban/domain';
import type { RateLimit } from './api-config';

/**
 * argon2id's cost (@node-rs/argon2's options). The default is OWASP's (19 MiB, 2 passes, 1
 * lane); only tests pass a cheaper one, in code: no environment variable lowers it.
 */
export interface PasswordHashingCost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export const DEFAULT_PASSWORD_HASHING: PasswordHashingCost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** The first office account, created on start when no office account exists (DUBAN_BOOTSTRAP_OFFICE_*). */
export interface BootstrapOffice {
  loginName: string;
  password: string;
  /** The region (属地) the office acts in. */
  regionId: string;
  displayName: string;
}

/** Accounts and login (账号与登录). */
export interface AuthConfig {
  /** Token and session lifetimes; default DEFAULT_SESSION_POLICY (15-minute access tokens). */
  session?: Partial<SessionPolicy>;
  /**
   * Whether tokens no login issued (no `sid`: `npm run token`, tests) are honoured. Default: not
   * when NODE_ENV=production, otherwise yes.
   */
  demoTokens?: boolean;
  passwordHashing?: PasswordHashingCost;
  /** Login attempts per caller IP, and per login name, per window (登录限流): beyond it 429. Default 10 a minute. */
  loginRateLimit?: RateLimit;
  /**
   * How long (ms) one process trusts a session found active before reading it again: revocations
   * this process makes apply at once, another process's within this time. 0 reads on every call. Default 1000.
   */
  sessionCheckCacheMs?: number;
  bootstrapOffice?: BootstrapOffice;
}

export interface ResolvedAuthConfig {
  session: SessionPolicy;
  demoTokens: boolean;
  passwordHashing: PasswordHashingCost;
  loginRateLimit: RateLimit;
  sessionCheckCacheMs: number;
  bootstrapOffice?: BootstrapOffice;
}

export const DEFAULT_LOGIN_RATE_LIMIT: RateLimit = { limit: 10, windowMs: 60_000 };
export const DEFAULT_SESSION_CHECK_CACHE_MS = 1000;

/** Fills the defaults; `problems` receives what is wrong, by name. */
export function resolveAuthConfig(config: AuthConfig = {}, problems: string[], nodeEnv = process.env.NODE_ENV): ResolvedAuthConfig {
  const session = { ...DEFAULT_SESSION_POLICY, ...config.session };
  problems.push(...sessionPolicyProblems(session).map((p) => `auth.session.${p}`));
  const loginRateLimit = config.loginRateLimit ?? DEFAULT_LOGIN_RATE_LIMIT;
  if (
    !Number.isInteger(loginRateLimit.limit) ||
    loginRateLimit.limit < 1 ||
    !Number.isInteger(loginRateLimit.windowMs) ||
    loginRateLimit.windowMs < 1
  )
    problems.push('auth.loginRateLimit must be a positive whole number of attempts per positive whole number of milliseconds');
  const sessionCheckCacheMs = config.sessionCheckCacheMs ?? DEFAULT_SESSION_CHECK_CACHE_MS;
  if (!Number.isInteger(sessionCheckCacheMs) || sessionCheckCacheMs < 0) problems.push('auth.sessionCheckCacheMs must be a whole number ≥ 0');
  const bootstrap = config.bootstrapOffice;
  if (bootstrap) {
    if (!new RegExp(LOGIN_NAME_PATTERN).test(bootstrap.loginName)) problems.push('auth.bootstrapOffice.loginName is not a valid login name');
    if ([...bootstrap.password].length < PASSWORD_POLICY.minLength)
      problems.push(`auth.bootstrapOffice.password must be at least ${PASSWORD_POLICY.minLength} characters`);
    if (!bootstrap.regionId) problems.push('auth.bootstrapOffice.regionId is required');
  }
  return {
    session,
    demoTokens: config.demoTokens ?? nodeEnv !== 'production',
    passwordHashing: config.passwordHashing ?? DEFAULT_PASSWORD_HASHING,
    loginRateLimit,
    sessionCheckCacheMs,
    ...(bootstrap ? { bootstrapOffice: bootstrap } : {}),
  };
}
