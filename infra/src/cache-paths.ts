import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * The repository root: the nearest directory above this file holding nx.json.
 * Walking up (rather than a fixed `../..`) keeps this right both from source
 * (infra/src) and from the compiled output (dist/infra/src).
 */
export function repoRoot(): string {
  const starts = [__dirname, process.cwd()];
  for (const start of starts) {
    let dir = resolve(start);
    for (;;) {
      if (existsSync(join(dir, 'nx.json'))) return dir;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(
    `Cannot find the Duban repository root (no nx.json above ${__dirname} or ${process.cwd()}): ` +
      'run from inside the repository, or set DUBAN_DATA_DIR explicitly.',
  );
}

/**
 * Where built/resolved tools live (Temporal CLI, Java test server wrapper).
 * Outside the repo so they survive `git clean` and are shared by every checkout
 * and CI run on the same machine.
 */
export function dubanCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DUBAN_CACHE_DIR || join(homedir(), '.cache', 'duban');
}

/** Where runtime state lives (Temporal SQLite file, PostgreSQL cluster): git-ignored `.data/`. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.DUBAN_DATA_DIR || join(repoRoot(), '.data'));
}

/** The full Temporal server's version (server and SQL tool built from the same module). */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';

/** Where the full Temporal server and its SQL tool are built once: `<cache>/temporal-server-v1.29.1/`. */
export function temporalServerCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(dubanCacheDir(env), `temporal-server-${TEMPORAL_SERVER_VERSION}`);
}
