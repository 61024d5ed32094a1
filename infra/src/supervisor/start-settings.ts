import { join } from 'node:path';
import { defaultDataDir } from '../cache-paths';
import { portFromEnv } from '../ports';

/**
 * `single`: `npm start`, the Temporal dev server and one worker. `cluster`: `npm run start:cluster`,
 * the production shape: the full Temporal server on PostgreSQL and several worker processes.
 */
export type Topology = 'single' | 'cluster';

/** What `npm start` (or `npm run start:cluster`) starts, resolved from its environment before anything runs. */
export interface StartSettings {
  topology: Topology;
  dataDir: string;
  apiPort: number;
  /** Worker processes: 1 under `npm start`; DUBAN_CLUSTER_WORKERS (default 2) under start:cluster. */
  workers: number;
  temporal:
    | { external: true; address: string; namespace: string }
    | { external: false; kind: 'dev'; port: number; uiPort: number; namespace: string; dataDir: string }
    /** `postgresUrl`: TEMPORAL_POSTGRES_URL; without it Temporal's databases go on Duban's PostgreSQL server. */
    | { external: false; kind: 'server'; port: number; namespace: string; dir: string; postgresUrl?: string };
  postgres: { external: true; url: string } | { external: false; port: number; dataDir: string };
}

export const DEFAULT_CLUSTER_WORKERS = 2;

/**
 * Reads PORT, TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_PORT, TEMPORAL_UI_PORT,
 * DATABASE_URL, DUBAN_PG_PORT and DUBAN_DATA_DIR; for the cluster also DUBAN_CLUSTER_WORKERS and
 * TEMPORAL_POSTGRES_URL. (TEMPORAL_CLI and DUBAN_CACHE_DIR are read where the binaries are found;
 * DUBAN_AUTH_SECRET by loadOrCreateAuthSecret; the apps' own variables reach them unchanged
 * through appEnvironment.) The cluster keeps its data apart from `npm start`'s: `.data/cluster`
 * unless DUBAN_DATA_DIR says otherwise.
 */
export function resolveStartSettings(env: NodeJS.ProcessEnv, topology: Topology = 'single'): StartSettings {
  const cluster = topology === 'cluster';
  const dataDir = cluster && !env.DUBAN_DATA_DIR ? join(defaultDataDir(env), 'cluster') : defaultDataDir(env);
  const namespace = env.TEMPORAL_NAMESPACE?.trim() || 'default';
  const temporalPort = portFromEnv('TEMPORAL_PORT', env) ?? 7233;
  const postgresUrl = env.TEMPORAL_POSTGRES_URL?.trim();
  return {
    topology,
    dataDir,
    apiPort: portFromEnv('PORT', env) ?? 3000,
    workers: cluster ? clusterWorkers(env) : 1,
    temporal: env.TEMPORAL_ADDRESS?.trim()
      ? { external: true, address: env.TEMPORAL_ADDRESS.trim(), namespace }
      : cluster
        ? {
            external: false,
            kind: 'server',
            port: temporalPort,
            namespace,
            dir: join(dataDir, 'temporal-server'),
            ...(postgresUrl ? { postgresUrl } : {}),
          }
        : {
            external: false,
            kind: 'dev',
            port: temporalPort,
            uiPort: portFromEnv('TEMPORAL_UI_PORT', env) ?? temporalPort + 1000,
            namespace,
            dataDir: join(dataDir, 'temporal'),
          },
    postgres: env.DATABASE_URL?.trim()
      ? { external: true, url: env.DATABASE_URL.trim() }
      : { external: false, port: portFromEnv('DUBAN_PG_PORT', env) ?? 5432, dataDir: join(dataDir, 'postgres') },
  };
}

function clusterWorkers(env: NodeJS.ProcessEnv): number {
  const text = env.DUBAN_CLUSTER_WORKERS?.trim();
  if (!text) return DEFAULT_CLUSTER_WORKERS;
  const workers = Number(text);
  if (!/^\d+$/.test(text) || workers < 1 || workers > 32)
    throw new Error(`DUBAN_CLUSTER_WORKERS=${env.DUBAN_CLUSTER_WORKERS} is not a number of worker processes (1-32).`);
  return workers;
}

export interface RunningParts {
  temporalAddress: string;
  namespace: string;
  databaseUrl: string;
  authSecret: string;
}

/**
 * The environment the API and the worker processes get: the supervisor's own (so every variable
 * the apps read reaches them exactly as a deployment would set it), plus where the parts it
 * started are. Under `npm start` the API listens on loopback only and logs warnings and errors,
 * unless HOST and DUBAN_LOG_LEVEL say otherwise. DUBAN_DATA_DIR also marks the processes as this
 * data directory's, for the next start's leftover check.
 */
export function appEnvironment(env: NodeJS.ProcessEnv, settings: StartSettings, parts: RunningParts): NodeJS.ProcessEnv {
  return {
    ...env,
    PORT: String(settings.apiPort),
    HOST: env.HOST?.trim() || '127.0.0.1',
    DUBAN_LOG_LEVEL: env.DUBAN_LOG_LEVEL?.trim() || 'warn',
    TEMPORAL_ADDRESS: parts.temporalAddress,
    TEMPORAL_NAMESPACE: parts.namespace,
    DATABASE_URL: parts.databaseUrl,
    DUBAN_AUTH_SECRET: parts.authSecret,
    DUBAN_DATA_DIR: settings.dataDir,
  };
}
