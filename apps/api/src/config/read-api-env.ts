import type { ApiConfig } from './api-config';

export interface ApiEnvironment {
  config: ApiConfig;
  port: number;
}

const REQUIRED = ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'DUBAN_AUTH_SECRET'] as const;

/**
 * Reads the API's environment. Fails fast with every missing or malformed variable named:
 * DATABASE_URL, TEMPORAL_ADDRESS, DUBAN_AUTH_SECRET (required); TEMPORAL_NAMESPACE
 * (default `default`), PORT (default 3000).
 */
export function readApiEnv(env: NodeJS.ProcessEnv = process.env): ApiEnvironment {
  const problems: string[] = [];
  const missing = REQUIRED.filter((name) => !env[name]?.trim());
  if (missing.length > 0) problems.push(`missing environment variable${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  const portText = env.PORT?.trim() || '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) problems.push(`PORT must be a port number (0–65535), got ${JSON.stringify(env.PORT)}`);
  if (problems.length > 0) throw new Error(problems.join('; '));
  return {
    port,
    config: {
      databaseUrl: env.DATABASE_URL!.trim(),
      temporal: { address: env.TEMPORAL_ADDRESS!.trim(), namespace: env.TEMPORAL_NAMESPACE?.trim() || 'default' },
      authSecret: env.DUBAN_AUTH_SECRET!,
    },
  };
}
