import { readFileSync } from 'node:fs';
import type { LogLevel } from '@nestjs/common';
import { DEFAULT_RATE_LIMIT, MAX_REGISTRATION_TIMEOUT_MS, type ApiConfig } from './api-config';
import { DEFAULT_LOGIN_RATE_LIMIT, type AuthConfig } from './auth-config';
import { NEST_LOG_LEVELS, nestLogLevels } from './log-level';

export interface ApiEnvironment {
  config: ApiConfig;
  port: number;
  /** The address to listen on; undefined: every interface. */
  host?: string;
  logLevels: LogLevel[];
}

const REQUIRED = ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'DUBAN_AUTH_SECRET'] as const;

/**
 * Reads the API's environment. Fails fast with every missing or malformed variable named:
 * DATABASE_URL, TEMPORAL_ADDRESS, DUBAN_AUTH_SECRET (required); TEMPORAL_NAMESPACE
 * (default `default`), DUBAN_TASK_QUEUE (default `duban`, the workers' queue), PORT (default 3000), HOST (default: every interface),
 * DUBAN_REGISTRATION_TIMEOUT_MS (a positive integer of milliseconds; default: ApiConfig's, 20 s),
 * DUBAN_LOG_LEVEL (error, warn, info or debug; default info), DUBAN_RATE_LIMIT (requests per
 * caller per window, 0: off; default 6000) and DUBAN_RATE_LIMIT_WINDOW_MS (default 60000).
 * Login (auth-config.ts): NODE_ENV=production refuses demo tokens; DUBAN_ACCESS_TOKEN_SECONDS
 * (default 900), DUBAN_REFRESH_TOKEN_SECONDS (default 43200), DUBAN_LOGIN_RATE_LIMIT (attempts
 * per IP and per login name a minute, default 10); DUBAN_BOOTSTRAP_OFFICE_LOGIN,
 * _PASSWORD and _REGION (all three, or none) and _NAME (default 安委办管理员): the first
 * office account, created on start when there is none. DUBAN_DATA_DIR: where evidence files
 * are kept (default `.data` in the working directory). DUBAN_AUDIT_SIGNING_KEY_FILE: the office's
 * Ed25519 private key (PKCS#8 PEM) that signs exported audit bundles (default: unsigned).
 */
export function readApiEnv(env: NodeJS.ProcessEnv = process.env): ApiEnvironment {
  const problems: string[] = [];
  const missing = REQUIRED.filter((name) => !env[name]?.trim());
  if (missing.length > 0) problems.push(`missing environment variable${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  const portText = env.PORT?.trim() || '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) problems.push(`PORT must be a port number (0–65535), got ${JSON.stringify(env.PORT)}`);
  const timeoutText = env.DUBAN_REGISTRATION_TIMEOUT_MS?.trim();
  const registrationTimeoutMs = timeoutText ? Number(timeoutText) : undefined;
  if (timeoutText && (!/^\d+$/.test(timeoutText) || registrationTimeoutMs! <= 0 || registrationTimeoutMs! > MAX_REGISTRATION_TIMEOUT_MS)) {
    problems.push(
      `DUBAN_REGISTRATION_TIMEOUT_MS must be a positive integer number of milliseconds (1–${MAX_REGISTRATION_TIMEOUT_MS}), got ${JSON.stringify(env.DUBAN_REGISTRATION_TIMEOUT_MS)}`,
    );
  }
  const rateLimit = wholeNumber(env, 'DUBAN_RATE_LIMIT', 0, DEFAULT_RATE_LIMIT.limit, problems);
  const rateWindowMs = wholeNumber(env, 'DUBAN_RATE_LIMIT_WINDOW_MS', 1, DEFAULT_RATE_LIMIT.windowMs, problems);
  const auth = authEnv(env, problems);
  const auditSigningKeyPem = signingKeyFile(env, problems);
  const logLevels = nestLogLevels(env.DUBAN_LOG_LEVEL);
  if (!logLevels)
    problems.push(`DUBAN_LOG_LEVEL must be one of ${Object.keys(NEST_LOG_LEVELS).join(', ')}, got ${JSON.stringify(env.DUBAN_LOG_LEVEL)}`);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const host = env.HOST?.trim();
  return {
    port,
    ...(host ? { host } : {}),
    logLevels: logLevels!,
    config: {
      databaseUrl: env.DATABASE_URL!.trim(),
      temporal: { address: env.TEMPORAL_ADDRESS!.trim(), namespace: env.TEMPORAL_NAMESPACE?.trim() || 'default' },
      authSecret: env.DUBAN_AUTH_SECRET!,
      ...(env.DUBAN_TASK_QUEUE?.trim() ? { taskQueue: env.DUBAN_TASK_QUEUE.trim() } : {}),
      ...(registrationTimeoutMs !== undefined ? { registrationTimeoutMs } : {}),
      ...(rateLimit !== undefined || rateWindowMs !== undefined
        ? { rateLimit: { limit: rateLimit ?? DEFAULT_RATE_LIMIT.limit, windowMs: rateWindowMs ?? DEFAULT_RATE_LIMIT.windowMs } }
        : {}),
      ...(auth ? { auth } : {}),
      ...(env.DUBAN_DATA_DIR?.trim() ? { dataDir: env.DUBAN_DATA_DIR.trim() } : {}),
      ...(auditSigningKeyPem !== undefined ? { auditSigningKeyPem } : {}),
    },
  };
}

/** The PEM DUBAN_AUDIT_SIGNING_KEY_FILE names, when set; an unreadable file is added to `problems`. */
function signingKeyFile(env: NodeJS.ProcessEnv, problems: string[]): string | undefined {
  const file = env.DUBAN_AUDIT_SIGNING_KEY_FILE?.trim();
  if (!file) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    problems.push(`DUBAN_AUDIT_SIGNING_KEY_FILE ${JSON.stringify(file)} cannot be read: ${(error as Error).message}`);
    return undefined;
  }
}

const BOOTSTRAP = ['DUBAN_BOOTSTRAP_OFFICE_LOGIN', 'DUBAN_BOOTSTRAP_OFFICE_PASSWORD', 'DUBAN_BOOTSTRAP_OFFICE_REGION'] as const;

/** The login settings the environment sets; undefined when it sets none. */
function authEnv(env: NodeJS.ProcessEnv, problems: string[]): AuthConfig | undefined {
  const auth: AuthConfig = {};
  if (env.NODE_ENV?.trim() === 'production') auth.demoTokens = false;
  const accessTokenSeconds = wholeNumber(env, 'DUBAN_ACCESS_TOKEN_SECONDS', 1, 900, problems);
  const refreshTokenSeconds = wholeNumber(env, 'DUBAN_REFRESH_TOKEN_SECONDS', 1, 43_200, problems);
  if (accessTokenSeconds !== undefined || refreshTokenSeconds !== undefined)
    auth.session = {
      ...(accessTokenSeconds !== undefined ? { accessTokenSeconds } : {}),
      ...(refreshTokenSeconds !== undefined ? { refreshTokenSeconds } : {}),
    };
  const loginLimit = wholeNumber(env, 'DUBAN_LOGIN_RATE_LIMIT', 1, DEFAULT_LOGIN_RATE_LIMIT.limit, problems);
  if (loginLimit !== undefined) auth.loginRateLimit = { limit: loginLimit, windowMs: DEFAULT_LOGIN_RATE_LIMIT.windowMs };
  const given = BOOTSTRAP.filter((name) => env[name]?.trim());
  if (given.length > 0 && given.length < BOOTSTRAP.length)
    problems.push(`${BOOTSTRAP.join(', ')} go together: missing ${BOOTSTRAP.filter((name) => !given.includes(name)).join(', ')}`);
  else if (given.length === BOOTSTRAP.length) {
    auth.bootstrapOffice = {
      loginName: env.DUBAN_BOOTSTRAP_OFFICE_LOGIN!.trim(),
      // As given: spaces may be part of a password.
      password: env.DUBAN_BOOTSTRAP_OFFICE_PASSWORD!,
      regionId: env.DUBAN_BOOTSTRAP_OFFICE_REGION!.trim(),
      displayName: env.DUBAN_BOOTSTRAP_OFFICE_NAME?.trim() || '安委办管理员',
    };
  }
  return Object.keys(auth).length > 0 ? auth : undefined;
}

/** `name`, when set: a whole number ≥ `min` (at most 2^31 - 1, what a timer takes); undefined when unset. A bad value is added to `problems`. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, min: number, example: number, problems: string[]): number | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > 2_147_483_647) {
    problems.push(`${name} must be a whole number ${min === 0 ? '≥ 0' : '≥ 1'} (e.g. ${example}), got ${JSON.stringify(env[name])}`);
    return undefined;
  }
  return value;
}
