import { Connection } from '@temporalio/client';
import { temporalTlsFromEnv } from '@duban/temporal-client';
import { resolveTemporalServerBinaries } from '../cluster/temporal-server-binaries';
import { startTemporalServer } from '../cluster/temporal-server';
import { redactUrl, temporalPostgresFromUrl } from '../cluster/temporal-postgres';
import type { InfraLog } from '../process-utils';
import { resolveTemporalCli } from '../temporal-cli';
import { startTemporalDevServer } from '../temporal-dev-server';
import { registerSearchAttributes } from '../temporal-search-attributes';
import type { StartSettings } from './start-settings';

/** The Temporal a supervisor runs on, whichever kind it is. */
export interface TemporalPart {
  address: string;
  namespace: string;
  /** What the banner says about it. */
  description: string;
  uiUrl: string;
  /** The supervisor's own connection (readiness checks). */
  connection: Connection;
  /** Resolves if a server we started exits. */
  exited?: Promise<void>;
  logFile?: string;
}

/**
 * Connects to the cluster TEMPORAL_ADDRESS names (TLS from TEMPORAL_TLS_*, as the apps do), or
 * starts the dev server (`npm start`) or the full server on PostgreSQL (`npm run start:cluster`;
 * `databaseUrl` is Duban's PostgreSQL, where Temporal's databases go unless TEMPORAL_POSTGRES_URL
 * names another server). Everything it starts or opens is handed to `stops`.
 */
export async function startOrConnectTemporal(
  settings: StartSettings,
  databaseUrl: string,
  stops: Array<() => Promise<unknown>>,
  log: InfraLog,
): Promise<TemporalPart> {
  const t = settings.temporal;
  if (t.external) {
    const connection = await Connection.connect({ address: t.address, tls: temporalTlsFromEnv(process.env) });
    stops.push(() => connection.close());
    const added = await registerSearchAttributes(connection, t.namespace);
    if (added.length) log(`registered search attributes on "${t.namespace}": ${added.join(', ')}`);
    return { address: t.address, namespace: t.namespace, description: 'external', uiUrl: '(the cluster’s own Web UI)', connection };
  }
  if (t.kind === 'server') {
    const postgres = t.postgresUrl
      ? temporalPostgresFromUrl(t.postgresUrl, { ownDatabaseName: true })
      : temporalPostgresFromUrl(databaseUrl, { ownDatabaseName: false });
    const server = await startTemporalServer({
      binaries: await resolveTemporalServerBinaries(log),
      dir: t.dir,
      postgres,
      port: t.port,
      namespace: t.namespace,
      log,
    });
    stops.push(server.stop);
    const connection = await Connection.connect({ address: server.address });
    stops.push(() => connection.close());
    const where = t.postgresUrl ? redactUrl(t.postgresUrl) : `databases ${postgres.database}, ${postgres.visibilityDatabase} beside Duban's`;
    return {
      address: server.address,
      namespace: server.namespace,
      description: `full server, PostgreSQL: ${where}`,
      uiUrl: '(none: the full server has no Web UI; `temporal` CLI or the separate temporal-ui server)',
      connection,
      exited: server.exited,
      logFile: server.logFile,
    };
  }
  const server = await startTemporalDevServer({
    cliPath: await resolveTemporalCli(log),
    dataDir: t.dataDir,
    port: t.port,
    uiPort: t.uiPort,
    namespace: t.namespace,
    log,
  });
  stops.push(server.stop);
  const connection = await Connection.connect({ address: server.address });
  stops.push(() => connection.close());
  return {
    address: server.address,
    namespace: server.namespace,
    description: 'dev server',
    uiUrl: server.uiUrl,
    connection,
    exited: server.exited,
    logFile: server.logFile,
  };
}
