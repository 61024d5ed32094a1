import { join } from 'node:path';
import { TEMPORAL_SERVER_VERSION, temporalServerCacheDir } from '../cache-paths';
import { noLog, type InfraLog } from '../process-utils';
import { goInstallCached } from './go-install-cached';

const MODULE = 'go.temporal.io/server';

/** The full Temporal server (`temporal-server`) and its schema tool (`temporal-sql-tool`). */
export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
}

/**
 * The server and SQL tool of go.temporal.io/server@v1.29.1, built once into the cache (about 2
 * minutes the first time, then nothing): the server real clusters run, not the CLI's dev server.
 */
export async function resolveTemporalServerBinaries(log: InfraLog = noLog): Promise<TemporalServerBinaries> {
  const dir = await goInstallCached(
    {
      what: `the Temporal server ${TEMPORAL_SERVER_VERSION}`,
      dir: temporalServerCacheDir(),
      targets: [
        { target: `${MODULE}/cmd/server@${TEMPORAL_SERVER_VERSION}`, goName: 'server', binary: 'temporal-server' },
        { target: `${MODULE}/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`, goName: 'sql', binary: 'temporal-sql-tool' },
      ],
      expectedTime: 'about 2 minutes',
      alternatives: 'point TEMPORAL_ADDRESS at a running Temporal cluster instead of starting one',
    },
    log,
  );
  return { server: join(dir, 'temporal-server'), sqlTool: join(dir, 'temporal-sql-tool') };
}
