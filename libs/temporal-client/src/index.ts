export { TemporalClientModule } from './temporal-client.module';
export { TEMPORAL_CLIENT, TEMPORAL_CONNECTION, TEMPORAL_CLIENT_OPTIONS } from './temporal-client.tokens';
export type { TemporalClientOptions } from './temporal-client-options';
export { temporalTlsFromEnv, describeTemporalTls, TEMPORAL_TLS_VARIABLES } from './temporal-tls-env';
