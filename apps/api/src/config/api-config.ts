import { createPrivateKey } from 'node:crypto';
import { resolve } from 'node:path';
import { STANDARD_HAZARD_POLICY, type HazardPolicy } from '@duban/domain';
import { DUBAN_TASK_QUEUE } from '@duban/workflows';
import { resolveAuthConfig, type AuthConfig, type ResolvedAuthConfig } from './auth-config';

/** Everything the API needs to run; `createApiApp(config)` builds the app from it. */
export interface ApiConfig {
  /** PostgreSQL connection URL of the ledger (台账). Migrations are run by the start script, not the API. */
  databaseUrl: string;
  temporal: { address: string; namespace: string };
  /** The task queue workflows are started on: the workers' DUBAN_TASK_QUEUE. Default: DUBAN_TASK_QUEUE (`duban`). */
  taskQueue?: string;
  /** HS256 secret for bearer access tokens. */
  authSecret: string;
  /** Hazard policies offices may choose by `policyId`; the first is the default. Default: [STANDARD_HAZARD_POLICY]. */
  hazardPolicies?: HazardPolicy[];
  /** The clock used to admit reports (tests pin it). Default: `() => new Date()`. */
  now?: () => Date;
  /**
   * How long `POST /hazards` and `POST /campaigns` wait for the new workflow to register in the
   * ledger before answering 202 Accepted instead (e.g. while no worker is polling). Default: 20_000.
   */
  registrationTimeoutMs?: number;
  /**
   * Requests one caller may make per window (限流): a caller is a token's subject, or an IP
   * address without a valid token. Beyond it: 429 with Retry-After. `limit` 0 turns limiting off.
   * Default DEFAULT_RATE_LIMIT.
   */
  rateLimit?: RateLimit;
  /** Accounts, login sessions and whether demo tokens are honoured (auth-config.ts). */
  auth?: AuthConfig;
  /** Where the API keeps files: evidence under `<dataDir>/evidence`. Default `.data` in the working directory (`npm start` passes its DUBAN_DATA_DIR). */
  dataDir?: string;
  /**
   * The office's Ed25519 private key (PKCS#8 PEM) that signs every audit bundle the API exports,
   * as `duban export --sign-key` signs one. Absent: bundles are exported unsigned, as the CLI's
   * without `--sign-key`.
   */
  auditSigningKeyPem?: string;
}

export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** Default of `ApiConfig.rateLimit`: 6,000 a minute (100 a second sustained) per caller, far above any client, test or benchmark. */
export const DEFAULT_RATE_LIMIT: RateLimit = { limit: 6_000, windowMs: 60_000 };

/** Default of `ApiConfig.registrationTimeoutMs`. */
export const DEFAULT_REGISTRATION_TIMEOUT_MS = 20_000;

/** The longest delay `setTimeout` honours (a longer one fires at once). */
export const MAX_REGISTRATION_TIMEOUT_MS = 2_147_483_647;

export type ResolvedApiConfig = Required<Omit<ApiConfig, 'auth' | 'auditSigningKeyPem'>> & {
  auth: ResolvedAuthConfig;
  auditSigningKeyPem: string | undefined;
};

/** Fills defaults and refuses a config the API could not run with, naming what is wrong. */
export function resolveApiConfig(config: ApiConfig): ResolvedApiConfig {
  const problems: string[] = [];
  if (!config.databaseUrl) problems.push('databaseUrl is required');
  if (!config.temporal?.address) problems.push('temporal.address is required');
  if (!config.temporal?.namespace) problems.push('temporal.namespace is required');
  if (!config.authSecret) problems.push('authSecret is required');
  const taskQueue = config.taskQueue ?? DUBAN_TASK_QUEUE;
  if (taskQueue.trim() === '') problems.push('taskQueue must not be blank');
  const hazardPolicies = config.hazardPolicies ?? [STANDARD_HAZARD_POLICY];
  if (hazardPolicies.length === 0) problems.push('hazardPolicies must name at least one policy');
  const ids = hazardPolicies.map((p) => p.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) problems.push(`hazardPolicies has policy id ${duplicate} twice`);
  const registrationTimeoutMs = config.registrationTimeoutMs ?? DEFAULT_REGISTRATION_TIMEOUT_MS;
  if (!Number.isInteger(registrationTimeoutMs) || registrationTimeoutMs <= 0 || registrationTimeoutMs > MAX_REGISTRATION_TIMEOUT_MS) {
    problems.push(
      `registrationTimeoutMs must be a positive integer number of milliseconds (at most ${MAX_REGISTRATION_TIMEOUT_MS}), got ${registrationTimeoutMs}`,
    );
  }
  const rateLimit = config.rateLimit ?? DEFAULT_RATE_LIMIT;
  if (!Number.isInteger(rateLimit.limit) || rateLimit.limit < 0)
    problems.push(`rateLimit.limit must be a whole number ≥ 0 (0: no limit), got ${rateLimit.limit}`);
  if (!Number.isInteger(rateLimit.windowMs) || rateLimit.windowMs <= 0)
    problems.push(`rateLimit.windowMs must be a positive whole number of milliseconds, got ${rateLimit.windowMs}`);
  const auth = resolveAuthConfig(config.auth, problems);
  if (config.auditSigningKeyPem !== undefined) {
    const problem = signingKeyProblem(config.auditSigningKeyPem);
    if (problem) problems.push(`auditSigningKeyPem ${problem}`);
  }
  if (problems.length > 0) throw new Error(`invalid API configuration: ${problems.join('; ')}`);
  const dataDir = resolve(config.dataDir ?? '.data');
  return {
    ...config,
    taskQueue,
    hazardPolicies,
    now: config.now ?? (() => new Date()),
    registrationTimeoutMs,
    rateLimit,
    auth,
    dataDir,
    auditSigningKeyPem: config.auditSigningKeyPem,
  };
}

/** Why `pem` cannot sign bundles (not a private key, not Ed25519), or undefined: refused at start, not at the first export. */
function signingKeyProblem(pem: string): string | undefined {
  try {
    const type = createPrivateKey(pem).asymmetricKeyType;
    return type === 'ed25519' ? undefined : `must be an Ed25519 key, got ${type}`;
  } catch {
    return 'is not a private key in PEM (PKCS#8)';
  }
}
