import { STANDARD_HAZARD_POLICY, type HazardPolicy } from '@duban/domain';

/** Everything the API needs to run; `createApiApp(config)` builds the app from it. */
export interface ApiConfig {
  /** PostgreSQL connection URL of the ledger (台账). Migrations are run by the start script, not the API. */
  databaseUrl: string;
  temporal: { address: string; namespace: string };
  /** HS256 secret for bearer access tokens. */
  authSecret: string;
  /** Hazard policies offices may choose by `policyId`; the first is the default. Default: [STANDARD_HAZARD_POLICY]. */
  hazardPolicies?: HazardPolicy[];
  /** The clock used to admit reports (tests pin it). Default: `() => new Date()`. */
  now?: () => Date;
}

export interface ResolvedApiConfig extends Required<ApiConfig> {}

/** Fills defaults and refuses a config the API could not run with, naming what is wrong. */
export function resolveApiConfig(config: ApiConfig): ResolvedApiConfig {
  const problems: string[] = [];
  if (!config.databaseUrl) problems.push('databaseUrl is required');
  if (!config.temporal?.address) problems.push('temporal.address is required');
  if (!config.temporal?.namespace) problems.push('temporal.namespace is required');
  if (!config.authSecret) problems.push('authSecret is required');
  const hazardPolicies = config.hazardPolicies ?? [STANDARD_HAZARD_POLICY];
  if (hazardPolicies.length === 0) problems.push('hazardPolicies must name at least one policy');
  const ids = hazardPolicies.map((p) => p.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) problems.push(`hazardPolicies has policy id ${duplicate} twice`);
  if (problems.length > 0) throw new Error(`invalid API configuration: ${problems.join('; ')}`);
  return { ...config, hazardPolicies, now: config.now ?? (() => new Date()) };
}
