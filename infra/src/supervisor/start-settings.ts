import { join } from 'node:path';
import { defaultDataDir } from '../cache-paths';
import { portFromEnv } from '../ports';

/** What `npm start` starts, resolved from its environment before anything runs. */
export interface StartSettings {
  dataDir: string;
  apiPort: number;
  temporal:
    { external: true; address: string; namespace: string } | { external: false; port: number; uiPort: number; namespace: string; dataDir: string };
  postgres: { external: true; url: string } | { external: false; port: number; dataDir: string };
}

/**
 * Reads PORT, TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_PORT, TEMPORAL_UI_PORT,
 * DATABASE_URL, DUBAN_PG_PORT and DUBAN_DATA_DIR. (TEMPORAL_CLI and DUBAN_CACHE_DIR are read
 * where the CLI is found; DUBAN_AUTH_SECRET by loadOrCreateAuthSecret; the apps' own variables
 * reach them unchanged through appEnvironment.)
 */
export function resolveStartSettings(env: NodeJS.ProcessEnv): StartSettings {
  const dataDir = defaultDataDir(env);
  const namespace = env.TEMPORAL_NAMESPACE?.trim() || 'default';
  const temporalPort = portFromEnv('TEMPORAL_PORT', env) ?? 7233;
  return {
    dataDir,
    apiPort: portFromEnv('PORT', env) ?? 3000,
    temporal: env.TEMPORAL_ADDRESS?.trim()
      ? { external: true, address: env.TEMPORAL_ADDRESS.trim(), namespace }
      : {
          external: false,
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
