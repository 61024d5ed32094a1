import { describe, expect, it } from 'vitest';
import { redactUrl, temporalPostgresFromUrl } from '../../infra/src/cluster/temporal-postgres';
import {
  SERVER_PORT_NAMES,
  temporalDynamicConfig,
  temporalServerConfig,
  type TemporalServerPorts,
} from '../../infra/src/cluster/temporal-server-config';

describe("Temporal's PostgreSQL", () => {
  it("on Duban's server: its host, port and credentials, databases of Temporal's own", () => {
    expect(temporalPostgresFromUrl('postgres://postgres:s3cr%40t@127.0.0.1:15432/duban', { ownDatabaseName: false })).toEqual({
      host: '127.0.0.1',
      port: 15432,
      user: 'postgres',
      password: 's3cr@t',
      database: 'temporal',
      visibilityDatabase: 'temporal_visibility',
      tls: false,
    });
  });

  it('TEMPORAL_POSTGRES_URL may name the database, and asks for TLS with sslmode', () => {
    expect(temporalPostgresFromUrl('postgresql://t:p@db.internal/tprod?sslmode=require', { ownDatabaseName: true })).toMatchObject({
      host: 'db.internal',
      port: 5432,
      database: 'tprod',
      visibilityDatabase: 'tprod_visibility',
      tls: true,
    });
    expect(temporalPostgresFromUrl('postgres://t:p@db/', { ownDatabaseName: true }).database).toBe('temporal');
  });

  it('refuses what is no PostgreSQL URL without echoing its password', () => {
    expect(() => temporalPostgresFromUrl('mysql://u:hidden@db/x', { ownDatabaseName: true })).toThrow(
      'Not a PostgreSQL URL (postgres://…): mysql://u:***@db/x',
    );
    expect(redactUrl('postgres://u:pw@h:1/d')).toBe('postgres://u:***@h:1/d');
  });
});

describe('the generated server config', () => {
  const ports = Object.fromEntries(SERVER_PORT_NAMES.map((name, i) => [name, 20000 + i])) as unknown as TemporalServerPorts;
  const postgres = temporalPostgresFromUrl('postgres://postgres:pw@127.0.0.1:5432/duban', { ownDatabaseName: false });
  const config = temporalServerConfig({ ports, postgres, dynamicConfigFile: '/d/dynamic-config.yaml' }) as any;

  it('puts persistence and visibility on PostgreSQL (postgres12), in two databases', () => {
    expect(config.persistence.defaultStore).toBe('postgres-default');
    expect(config.persistence.visibilityStore).toBe('postgres-visibility');
    expect(config.persistence.datastores['postgres-default'].sql).toMatchObject({
      pluginName: 'postgres12',
      databaseName: 'temporal',
      connectAddr: '127.0.0.1:5432',
    });
    expect(config.persistence.datastores['postgres-visibility'].sql).toMatchObject({ pluginName: 'postgres12', databaseName: 'temporal_visibility' });
  });

  it('gives every service its own ports on loopback, and the cluster the frontend as its address', () => {
    expect(config.services.frontend.rpc).toEqual({ grpcPort: 20000, httpPort: 20001, membershipPort: 20002, bindOnLocalHost: true });
    expect(config.services.history.rpc.grpcPort).toBe(20003);
    expect(config.services.worker.rpc.membershipPort).toBe(20008);
    expect(config.clusterMetadata.clusterInformation.active.rpcAddress).toBe('127.0.0.1:20000');
    expect(config.dynamicConfigClient.filepath).toBe('/d/dynamic-config.yaml');
  });

  it('enables updates and update-with-start in the dynamic config', () => {
    const dynamic = temporalDynamicConfig();
    for (const key of [
      'frontend.enableUpdateWorkflowExecution',
      'frontend.enableUpdateWorkflowExecutionAsyncAccepted',
      'frontend.enableExecuteMultiOperation',
    ])
      expect(dynamic[key]).toEqual([{ value: true }]);
  });
});
