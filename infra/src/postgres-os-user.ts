import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { InfraLog } from './process-utils';

/** The OS account PostgreSQL runs as when we are root (initdb and postgres refuse root). */
export interface PostgresOsUser {
  name: string;
  uid: number;
  gid: number;
}

const NAME = 'postgres';

/**
 * Root only: the `postgres` account, created (a system user without a home) when missing.
 * Children run with this uid/gid and no supplementary groups (Node drops them).
 */
export function ensurePostgresOsUser(log: InfraLog): PostgresOsUser {
  const existing = lookUp();
  if (existing) return existing;
  log(`Creating the OS user "${NAME}" (PostgreSQL refuses to run as root)`);
  try {
    if (!groupExists()) execFileSync('groupadd', ['--system', NAME], { stdio: 'pipe' });
    execFileSync('useradd', ['--system', '--gid', NAME, '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', NAME], {
      stdio: 'pipe',
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(
      `PostgreSQL cannot run as root and creating the OS user "${NAME}" failed: ${stderr || (error as Error).message}. ` +
        `Create it yourself (useradd --system ${NAME}) or set DATABASE_URL to an existing PostgreSQL.`,
      { cause: error },
    );
  }
  const created = lookUp();
  if (!created) throw new Error(`The OS user "${NAME}" was created but \`id ${NAME}\` does not find it.`);
  return created;
}

function lookUp(): PostgresOsUser | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', NAME], { encoding: 'utf8', stdio: 'pipe' }).trim());
    const gid = Number(execFileSync('id', ['-g', NAME], { encoding: 'utf8', stdio: 'pipe' }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { name: NAME, uid, gid } : undefined;
  } catch {
    return undefined;
  }
}

function groupExists(): boolean {
  try {
    execFileSync('getent', ['group', NAME], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The first directory on the way to `path` that `user` may not enter (needs the x bit that
 * applies to it: owner, group or others), or undefined when every one is enterable.
 * Checks the real path of the part that exists (symlinks resolved); what is created later
 * is ours to set up.
 */
export function firstUnreachableDir(path: string, user: PostgresOsUser): string | undefined {
  let existing = resolve(path);
  while (!existsSync(existing)) existing = dirname(existing);
  const chain: string[] = [];
  for (let dir = realpathSync(existing); ; dir = dirname(dir)) {
    chain.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of chain) {
    const st = statSync(dir);
    if (!st.isDirectory()) continue;
    const bit = st.uid === user.uid ? 0o100 : st.gid === user.gid ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) return dir;
  }
  return undefined;
}
