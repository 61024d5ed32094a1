import { dirname, join } from 'node:path';
import { dubanCacheDir } from './cache-paths';
import { goInstallCached } from './cluster/go-install-cached';
import { findOnPath, isExecutableFile, noLog, type InfraLog } from './process-utils';

/**
 * Pinned: later CLI releases carry `replace` directives in go.mod and cannot be
 * `go install`ed; v1.5.1 bundles Temporal Server 1.29.1 + UI 2.42.1.
 */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const MODULE = 'github.com/temporalio/cli/cmd/temporal';

/** Where the cached build lives: `<cache>/temporal-cli-v1.5.1/temporal`. */
export function cachedTemporalCliPath(): string {
  return join(dubanCacheDir(), `temporal-cli-${TEMPORAL_CLI_VERSION}`, 'temporal');
}

/**
 * Finds a `temporal` CLI binary, building it from source only as a last resort.
 * Order: $TEMPORAL_CLI (must exist) > `temporal` on PATH > cached build > `go install`.
 */
export async function resolveTemporalCli(log: InfraLog = noLog): Promise<string> {
  const fromEnv = process.env.TEMPORAL_CLI;
  if (fromEnv) {
    if (!isExecutableFile(fromEnv)) {
      throw new Error(
        `TEMPORAL_CLI=${fromEnv} does not exist or is not an executable file: point it at a temporal CLI binary, ` +
          "or unset it to use 'temporal' on PATH or the cached build.",
      );
    }
    return fromEnv;
  }
  const onPath = findOnPath('temporal');
  if (onPath) return onPath;
  const bin = cachedTemporalCliPath();
  const dir = await goInstallCached(
    {
      what: 'the Temporal CLI',
      dir: dirname(bin),
      targets: [{ target: `${MODULE}@${TEMPORAL_CLI_VERSION}`, goName: 'temporal', binary: 'temporal' }],
      expectedTime: 'about 4 minutes',
      alternatives:
        'put a `temporal` binary on PATH, set TEMPORAL_CLI to its path, or set TEMPORAL_ADDRESS to use an already running Temporal server',
    },
    log,
  );
  return join(dir, 'temporal');
}
