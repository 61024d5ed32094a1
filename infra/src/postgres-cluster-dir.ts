import { createHash } from 'node:crypto';
import { chmodSync, chownSync, lstatSync, mkdirSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { firstUnreachableDir, type PostgresOsUser } from './postgres-os-user';
import { isPidAlive, readFileSafe, type InfraLog } from './process-utils';

/**
 * Where root keeps a cluster whose data dir the `postgres` OS user cannot reach (FHS: state).
 * The data dir then holds a symlink to it, so deleting the data dir still resets the database.
 */
export const RELOCATED_CLUSTERS_ROOT = '/var/lib/duban/postgres';

export interface ClusterDir {
  /** The path the caller asked for (`<data dir>/postgres`). */
  requested: string;
  /** Where the cluster's files really are: `requested`, or the symlink's target. */
  clusterDir: string;
  relocated: boolean;
}

/**
 * Makes the cluster directory exist, owned by the user PostgreSQL runs as (mode 700, as initdb
 * wants), somewhere that user can reach. As root, with a data dir inside a private folder (a
 * clone under /root, a mktemp -d folder), the cluster lives under `relocatedRoot` instead, keyed
 * by the requested path, and `requested` becomes a symlink to it. Chosen over opening up the
 * private folder (chmod o+x /root would let every local user into every readable file below it).
 */
export function prepareClusterDir(
  requested: string,
  user: PostgresOsUser | undefined,
  log: InfraLog,
  relocatedRoot = RELOCATED_CLUSTERS_ROOT,
): ClusterDir {
  requested = resolve(requested);
  mkdirSync(dirname(requested), { recursive: true });
  const existing = lstatOrUndefined(requested);

  if (existing?.isSymbolicLink()) {
    const target = resolve(dirname(requested), readlinkSync(requested));
    const blocked = user && firstUnreachableDir(target, user);
    if (blocked) throw unreachable(target, blocked);
    ownedDirectory(target, user);
    return { requested, clusterDir: target, relocated: true };
  }

  const blocked = user && firstUnreachableDir(requested, user);
  if (existing) {
    if (blocked) {
      throw new Error(
        `${unreachable(requested, blocked).message} Move the cluster where it can (stop Duban first): ` +
          `\`mv ${requested} ${relocatedTarget(requested, relocatedRoot)} && ln -s ${relocatedTarget(requested, relocatedRoot)} ${requested}\`.`,
      );
    }
    ownedDirectory(requested, user);
    return { requested, clusterDir: requested, relocated: false };
  }

  if (!blocked) {
    ownedDirectory(requested, user);
    return { requested, clusterDir: requested, relocated: false };
  }

  const target = relocatedTarget(requested, relocatedRoot);
  removeOrphanedClusters(relocatedRoot, log);
  // Keyed by this very path, but no link points at it any more (data dir deleted): reset.
  rmSync(target, { recursive: true, force: true });
  for (const dir of [dirname(relocatedRoot), relocatedRoot]) {
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    chmodSync(dir, 0o755);
  }
  const stillBlocked = firstUnreachableDir(relocatedRoot, user!);
  if (stillBlocked) throw unreachable(relocatedRoot, stillBlocked);
  ownedDirectory(target, user);
  writeFileSync(`${target}.owner`, `${requested}\n`);
  symlinkSync(target, requested);
  log(`The "postgres" OS user cannot enter ${blocked}: the cluster lives in ${target} (linked from ${requested})`);
  return { requested, clusterDir: target, relocated: true };
}

/** The relocated home of `requested`'s cluster: one folder per requested path. */
export function relocatedTarget(requested: string, relocatedRoot = RELOCATED_CLUSTERS_ROOT): string {
  return join(relocatedRoot, createHash('sha256').update(resolve(requested)).digest('hex').slice(0, 16));
}

/**
 * Relocated clusters whose data dir is gone (no symlink there points back at them) and that no
 * postgres runs on: deleting the data dir resets the database, as it would in place.
 */
function removeOrphanedClusters(relocatedRoot: string, log: InfraLog): void {
  let entries: string[];
  try {
    entries = readdirSync(relocatedRoot).filter((name) => name.endsWith('.owner'));
  } catch {
    return;
  }
  for (const ownerFile of entries) {
    const cluster = join(relocatedRoot, ownerFile.slice(0, -'.owner'.length));
    const owner = readFileSafe(join(relocatedRoot, ownerFile)).trim();
    const postmaster = Number.parseInt(readFileSafe(join(cluster, 'postmaster.pid')).split('\n')[0] ?? '', 10);
    if (linksTo(owner, cluster) || isPidAlive(postmaster)) continue;
    log(`Removing ${cluster}: the PostgreSQL cluster of ${owner}, which no longer exists`);
    rmSync(cluster, { recursive: true, force: true });
    rmSync(join(relocatedRoot, ownerFile), { force: true });
  }
}

function linksTo(link: string, target: string): boolean {
  try {
    return resolve(dirname(link), readlinkSync(link)) === target;
  } catch {
    return false;
  }
}

function ownedDirectory(dir: string, user: PostgresOsUser | undefined): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (user) chownSync(dir, user.uid, user.gid);
  chmodSync(dir, 0o700);
}

function unreachable(dir: string, blocked: string): Error {
  return new Error(`PostgreSQL runs as OS user "postgres" here (it refuses root), and that user cannot reach ${dir}: it may not enter ${blocked}.`);
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
