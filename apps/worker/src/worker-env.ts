import type { LogLevel, TLSConfig } from '@temporalio/worker';
import { temporalTlsFromEnv } from '@duban/temporal-client';
import { readWorkerTuning, type WorkerTuning } from './worker-tuning';

/** What the standalone worker process (`node dist/apps/worker/src/main.js`) runs with. */
export interface WorkerEnvironment {
  /** `tls` undefined: plaintext. */
  temporal: { address: string; namespace: string; tls?: TLSConfig };
  databaseUrl: string;
  /** The level of the worker's JSON log lines, the Temporal SDK's among them (its INFO lines include every worker state change). */
  sdkLogLevel: LogLevel;
  tuning: WorkerTuning;
}

const REQUIRED = ['TEMPORAL_ADDRESS', 'DATABASE_URL'] as const;

/** DUBAN_LOG_LEVEL → the SDK's level. Default `info`. */
const SDK_LOG_LEVELS: Record<string, LogLevel> = { error: 'ERROR', warn: 'WARN', info: 'INFO', debug: 'DEBUG' };

/**
 * Reads the worker's environment, naming every missing or malformed variable at once:
 * TEMPORAL_ADDRESS, DATABASE_URL (required); TEMPORAL_NAMESPACE (default `default`);
 * TEMPORAL_TLS* (see temporalTlsFromEnv); DUBAN_LOG_LEVEL (error, warn, info or debug; default
 * info); the identity, task queue, cache, concurrency and shutdown settings of readWorkerTuning.
 */
export function readWorkerEnv(env: NodeJS.ProcessEnv = process.env): WorkerEnvironment {
  const problems: string[] = [];
  const missing = REQUIRED.filter((name) => !env[name]?.trim());
  if (missing.length > 0) problems.push(`missing environment variable${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  const tuning = readWorkerTuning(env, problems);
  let tls: TLSConfig | undefined;
  try {
    tls = temporalTlsFromEnv(env);
  } catch (error) {
    problems.push((error as Error).message);
  }
  const levelText = env.DUBAN_LOG_LEVEL?.trim().toLowerCase() || 'info';
  const sdkLogLevel = SDK_LOG_LEVELS[levelText];
  if (!sdkLogLevel)
    problems.push(`DUBAN_LOG_LEVEL must be one of ${Object.keys(SDK_LOG_LEVELS).join(', ')}, got ${JSON.stringify(env.DUBAN_LOG_LEVEL)}`);
  if (problems.length > 0) throw new Error(problems.join('; '));
  return {
    temporal: { address: env.TEMPORAL_ADDRESS!.trim(), namespace: env.TEMPORAL_NAMESPACE?.trim() || 'default', ...(tls ? { tls } : {}) },
    databaseUrl: env.DATABASE_URL!.trim(),
    sdkLogLevel: sdkLogLevel!,
    tuning,
  };
}
