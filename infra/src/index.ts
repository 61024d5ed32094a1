export { dubanCacheDir, defaultDataDir, repoRoot } from './cache-paths';
export { assertPortFree, findFreePort, portFromEnv } from './ports';
export { resolveTemporalCli, cachedTemporalCliPath, TEMPORAL_CLI_VERSION } from './temporal-cli';
export { startTemporalDevServer, type TemporalDevServer, type TemporalDevServerOptions } from './temporal-dev-server';
export { registerSearchAttributes } from './temporal-search-attributes';
export { startEmbeddedPostgres, type EmbeddedPostgresOptions, type EmbeddedPostgresServer } from './embedded-postgres';
export { resolveJavaTestServerExecutable, javaTestServerDir, JAVA_TEST_SERVER_VERSION } from './java-test-server';
export type { InfraLog } from './process-utils';
