import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dubanCacheDir } from './cache-paths';
import { findOnPath, isExecutableFile, isPidAlive, noLog, readFileSafe, sleep, type InfraLog } from './process-utils';

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
  if (isExecutableFile(bin)) return bin;
  return buildTemporalCli(bin, log);
}

async function buildTemporalCli(bin: string, log: InfraLog): Promise<string> {
  const go = findOnPath('go');
  if (!go) {
    throw new Error(
      `No Temporal CLI found and Go is not installed to build one. Either install Go (1.25+) so ${MODULE}@${TEMPORAL_CLI_VERSION} ` +
        'can be built once into the cache, put a `temporal` binary on PATH, set TEMPORAL_CLI to its path, ' +
        'or set TEMPORAL_ADDRESS to use an already running Temporal server.',
    );
  }
  const cache = dubanCacheDir();
  mkdirSync(cache, { recursive: true });
  // A lock file (holding our pid) so concurrent callers wait for one build instead of racing two.
  const lockPath = join(cache, `temporal-cli-${TEMPORAL_CLI_VERSION}.lock`);
  let announcedWait = false;
  for (;;) {
    if (isExecutableFile(bin)) return bin;
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = Number.parseInt(readFileSafe(lockPath), 10);
    if (Number.isInteger(holder) && !isPidAlive(holder)) {
      log(`Removing stale Temporal CLI build lock ${lockPath} (pid ${holder} is gone)`);
      rmSync(lockPath, { force: true });
      continue;
    }
    if (!announcedWait) {
      log(`Another build (pid ${holder || '?'}) is producing ${bin}; waiting for it...`);
      announcedWait = true;
    }
    await sleep(2000);
  }
  try {
    if (isExecutableFile(bin)) return bin; // finished by someone else while we took the lock
    // Build into a temp dir, then rename: a half-written binary is never at `bin`.
    const tmp = mkdtempSync(join(cache, `.temporal-cli-${TEMPORAL_CLI_VERSION}.build-`));
    try {
      await runGoInstall(go, tmp, log);
      mkdirSync(join(bin, '..'), { recursive: true });
      renameSync(join(tmp, 'temporal'), bin);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    log(`Temporal CLI built: ${bin}`);
    return bin;
  } finally {
    rmSync(lockPath, { force: true });
  }
}

async function runGoInstall(go: string, gobin: string, log: InfraLog): Promise<void> {
  const target = `${MODULE}@${TEMPORAL_CLI_VERSION}`;
  log(`Building the Temporal CLI with \`go install ${target}\` (about 4 minutes the first time; cached afterwards)...`);
  const started = Date.now();
  const tail: string[] = [];
  await new Promise<void>((resolvePromise, reject) => {
    const child = spawn(go, ['install', target], {
      // GOTOOLCHAIN=local: never let Go download a toolchain binary at run time.
      env: { GOTOOLCHAIN: 'local', ...process.env, GOBIN: gobin },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 40) tail.shift();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const heartbeat = setInterval(() => {
      const secs = Math.round((Date.now() - started) / 1000);
      log(`  still building the Temporal CLI (${secs}s)${tail.length ? `; last: ${tail[tail.length - 1]}` : ''}`);
    }, 30_000);
    child.once('error', (err) => {
      clearInterval(heartbeat);
      reject(new Error(`Could not run ${go}: ${err.message}`));
    });
    child.once('close', (code, signal) => {
      clearInterval(heartbeat);
      if (code === 0) resolvePromise();
      else
        reject(
          new Error(
            `\`go install ${target}\` failed (${signal ?? `exit ${code}`}). Check network access to the Go module proxy, ` +
              `or put a temporal binary on PATH / set TEMPORAL_CLI. Output tail:\n${tail.join('\n')}`,
          ),
        );
    });
  });
  log(`  go install finished in ${Math.round((Date.now() - started) / 1000)}s`);
}
