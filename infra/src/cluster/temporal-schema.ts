import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { noLog, type InfraLog } from '../process-utils';
import type { TemporalPostgres } from './temporal-postgres';

/** The schema folders embedded in temporal-sql-tool v1.29.1 (`--help` lists only MySQL's, these work too). */
const SCHEMAS = {
  persistence: 'postgresql/v12/temporal',
  visibility: 'postgresql/v12/visibility',
} as const;

/**
 * Creates Temporal's two databases and brings their schemas to the tool's version, the way
 * Temporal's own docs set up a PostgreSQL cluster: create-database, setup-schema -v 0.0 (the
 * version table), update-schema from the embedded schema folders. Every step is safe to repeat,
 * so this runs on every start: a fresh server gets its schema, an existing one is left as it is or
 * updated after an upgrade of the pinned server.
 */
export async function setupTemporalSchemas(sqlTool: string, postgres: TemporalPostgres, log: InfraLog = noLog): Promise<void> {
  const started = Date.now();
  for (const [database, schemaName] of [
    [postgres.database, SCHEMAS.persistence],
    [postgres.visibilityDatabase, SCHEMAS.visibility],
  ] as const) {
    await runSqlTool(sqlTool, postgres, database, ['create-database']);
    await runSqlTool(sqlTool, postgres, database, ['setup-schema', '-v', '0.0']);
    await runSqlTool(sqlTool, postgres, database, ['update-schema', '--schema-name', schemaName]);
  }
  log(`Temporal schemas ready in ${postgres.database} and ${postgres.visibilityDatabase} (${Date.now() - started} ms)`);
}

async function runSqlTool(sqlTool: string, postgres: TemporalPostgres, database: string, command: string[]): Promise<void> {
  const args = [
    '--plugin',
    'postgres12',
    '--endpoint',
    postgres.host,
    '--port',
    String(postgres.port),
    '--user',
    postgres.user,
    '--database',
    database,
    ...(postgres.tls ? ['--tls', '--tls-disable-host-verification'] : []),
    ...command,
  ];
  try {
    // The password through the environment (SQL_PASSWORD), not the command line others can read.
    await promisify(execFile)(sqlTool, args, { env: { ...process.env, SQL_PASSWORD: postgres.password }, timeout: 120_000 });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    const output = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(
      `temporal-sql-tool ${command[0]} on database "${database}" at ${postgres.host}:${postgres.port} failed: ${e.message.split('\n')[0]}\n${output}`,
      { cause: error },
    );
  }
}
