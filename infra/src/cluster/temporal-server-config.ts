import type { TemporalPostgres } from './temporal-postgres';

/** Every port one single-process Temporal server listens on (all on 127.0.0.1). */
export interface TemporalServerPorts {
  frontend: number;
  frontendHttp: number;
  frontendMembership: number;
  history: number;
  historyMembership: number;
  matching: number;
  matchingMembership: number;
  worker: number;
  workerMembership: number;
}

export const SERVER_PORT_NAMES = [
  'frontend',
  'frontendHttp',
  'frontendMembership',
  'history',
  'historyMembership',
  'matching',
  'matchingMembership',
  'worker',
  'workerMembership',
] as const satisfies ReadonlyArray<keyof TemporalServerPorts>;

/**
 * Fixed once a cluster's database exists: Temporal refuses to start with another count. Four
 * (the module's development default) is plenty for one machine.
 */
export const NUM_HISTORY_SHARDS = 4;

/**
 * The dynamic config the server polls (a file beside the config). Updates, update-with-start
 * (ExecuteMultiOperation) and async-accepted updates are what Duban's API uses: set explicitly
 * rather than trusted to the version's defaults.
 */
export function temporalDynamicConfig(): Record<string, Array<{ value: unknown }>> {
  return {
    'frontend.enableUpdateWorkflowExecution': [{ value: true }],
    'frontend.enableUpdateWorkflowExecutionAsyncAccepted': [{ value: true }],
    'frontend.enableExecuteMultiOperation': [{ value: true }],
    'limit.maxIDLength': [{ value: 255 }],
  };
}

/**
 * The server's static config, modelled on go.temporal.io/server's config/development-postgres12.yaml:
 * persistence and SQL visibility on PostgreSQL (plugin postgres12), every service in one process
 * on loopback, no metrics or pprof listeners (they would need ports of their own). Written as
 * JSON, which the server's YAML loader reads as it is.
 */
export function temporalServerConfig(options: { ports: TemporalServerPorts; postgres: TemporalPostgres; dynamicConfigFile: string }): object {
  const { ports, postgres } = options;
  const store = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${postgres.host}:${postgres.port}`,
      connectProtocol: 'tcp',
      user: postgres.user,
      password: postgres.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
      ...(postgres.tls ? { tls: { enabled: true, enableHostVerification: false } } : {}),
    },
  });
  const service = (grpcPort: number, membershipPort: number, extra: object = {}) => ({
    rpc: { grpcPort, membershipPort, bindOnLocalHost: true, ...extra },
  });
  return {
    log: { stdout: true, level: 'warn' },
    persistence: {
      defaultStore: 'postgres-default',
      visibilityStore: 'postgres-visibility',
      numHistoryShards: NUM_HISTORY_SHARDS,
      datastores: {
        'postgres-default': store(postgres.database, 20),
        'postgres-visibility': store(postgres.visibilityDatabase, 10),
      },
    },
    global: { membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' } },
    services: {
      frontend: service(ports.frontend, ports.frontendMembership, { httpPort: ports.frontendHttp }),
      history: service(ports.history, ports.historyMembership),
      matching: service(ports.matching, ports.matchingMembership),
      worker: service(ports.worker, ports.workerMembership),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: { active: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: `127.0.0.1:${ports.frontend}` } },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    dynamicConfigClient: { filepath: options.dynamicConfigFile, pollInterval: '10s' },
  };
}
