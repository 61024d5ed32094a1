import type { LogLevel } from '@temporalio/worker';
import { maxCachedWorkflowsFromEnv } from './duban-worker';

/** What the standalone worker process (`node dist/apps/worker/src/main.js`) runs with. */
export interface WorkerEnvironment {
  temporal: { address: string; namespace: string };
  databaseUrl: string;
  /** Undefined: the SDK's default. */
  maxCachedWorkflows?: number;
  /** The level of the worker's JSON log lines, the Temporal SDK's among them (its INFO lines include every worker state change). */
  sdkLogLevel: LogLevel;
}

const REQUIRED = ['TEMPORAL_ADDRESS', 'DATABASE_URL'] as const;

/** DUBAN_LOG_LEVEL → the SDK's level. Default `info`. */
const SDK_LOG_LEVELS: Record<string, LogLevel> = { error: 'ERROR', warn: 'WARN', info: 'INFO', debug: 'DEBUG' };

/**
 * Reads the worker's environment, naming every missing or malformed variable at once:
 * TEMPORAL_ADDRESS, DATABASE_URL (required); TEMPORAL_NAMESPACE (default `default`);
 * DUBAN_WORKER_MAX_CACHED_WORKFLOWS (a positive whole number); DUBAN_LOG_LEVEL
 * (error, warn, info or debug; default info).
 */
export function readWorkerEnv(env: NodeJS.ProcessEnv = process.env): WorkerEnvironment {
  const problems: string[] = [];
  const missing = REQUIRED.filter((name) => !env[name]?.trim());
  if (missing.length > 0) problems.push(`missing environment variable${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  let maxCachedWorkflows: number | undefined;
  try {
    maxCachedWorkflows = maxCachedWorkflowsFromEnv(env);
  } catch (error) {
    problems.push((error as Error).message);
  }
  const levelText = env.DUBAN_LOG_LEVEL?.trim().toLowerCase() || 'info';
  const sdkLogLevel = SDK_LOG_LEVELS[levelText];
  if (!sdkLogLevel)
    problems.push(`DUBAN_LOG_LEVEL must be one of ${Object.keys(SDK_LOG_LEVELS).join(', ')}, got ${JSON.stringify(env.DUBAN_LOG_LEVEL)}`);
  if (problems.length > 0) throw new Error(problems.join('; '));
  return {
    temporal: { address: env.TEMPORAL_ADDRESS!.trim(), namespace: env.TEMPORAL_NAMESPACE?.trim() || 'default' },
    databaseUrl: env.DATABASE_URL!.trim(),
    ...(maxCachedWorkflows !== undefined ? { maxCachedWorkflows } : {}),
    sdkLogLevel: sdkLogLevel!,
  };
}
