import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { signAccessToken } from '../../apps/api/src/auth/access-token';
import { Client as PgClient } from 'pg';
import { repoRoot } from '../../infra/src/cache-paths';
import { readPostmasterPid } from '../../infra/src/embedded-postgres';
import { readFileSafe } from '../../infra/src/process-utils';
import type { Actor } from '@duban/domain';

const root = repoRoot();
const nodeArgs = ['-r', join(root, 'dist', 'infra', 'src', 'runtime-aliases.js')];

/**
 * What `npm start` does before it execs the supervisor: compile to dist/ and bundle the workflows.
 * Once per test run (~30 s of a busy core): the files of a run build the same sources, so the first
 * leaves a mark in the scratch directory of the run's global setup; without one, every call builds.
 */
export async function buildLikeNpmStart(): Promise<void> {
  const runDir = inject('workflowBundleDir') as string | undefined;
  const built = runDir && join(runDir, 'npm-start-build.done');
  if (built && existsSync(built)) return;
  await promisify(execFile)(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { cwd: root });
  await promisify(execFile)(process.execPath, [...nodeArgs, join(root, 'dist', 'apps', 'worker', 'src', 'build-workflow-bundle.js')], { cwd: root });
  if (built) writeFileSync(built, '');
}

/**
 * The environment of a shell with none of Duban's variables set (the suite's own setup sets
 * some), and no `temporal` on PATH, so each test says exactly which ones apply.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(DUBAN_|TEMPORAL_|npm_)/.test(name) || ['PORT', 'HOST', 'DATABASE_URL'].includes(name)) continue;
    env[name] = value;
  }
  env.PATH = (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir && !existsSync(join(dir, 'temporal')))
    .join(delimiter);
  return env;
}

export interface SupervisorRun {
  /** The supervisor's own pid (the spawned process, or the child of its stand-in npm). */
  pid(): number;
  /** Its parent when started `asNpmChild`: what kill -9 of "the npm start process" kills. */
  parent?: ChildProcess;
  output(): string;
  /** Resolves with the banner's pids once it says it is running; rejects when it exits first. */
  running(timeoutMs?: number): Promise<{ supervisor: number; api: number; worker: number }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs the supervisor as `npm start` finally does (`node -r …runtime-aliases.js dist/infra/src/start.js`;
 * `args: ['--cluster']`: as `npm run start:cluster` does).
 * `asNpmChild`: under a stand-in for npm (a shell that waits for it, with npm's
 * npm_lifecycle_event), so the test can kill -9 that parent.
 */
export function startSupervisor(env: NodeJS.ProcessEnv, options: { asNpmChild?: boolean; args?: string[] } = {}): SupervisorRun {
  const command = [process.execPath, ...nodeArgs, join(root, 'dist', 'infra', 'src', 'start.js'), ...(options.args ?? [])];
  const child = options.asNpmChild
    ? spawn('sh', ['-c', `"$@"; exit $?`, 'npm-stand-in', ...command], {
        cwd: root,
        env: { ...env, npm_lifecycle_event: 'start' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn(command[0]!, command.slice(1), { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const listeners = new Set<() => void>();
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      for (const listener of listeners) listener();
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let bannerPids: { supervisor: number; api: number; worker: number } | undefined;
  return {
    pid: () => bannerPids?.supervisor ?? child.pid!,
    parent: options.asNpmChild ? child : undefined,
    output: () => text,
    exited,
    running(timeoutMs = 180_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = /Processes: +supervisor (\d+), API (\d+), worker (\d+)/.exec(text);
          if (match && text.includes('Ctrl-C stops everything.')) {
            listeners.delete(check);
            clearTimeout(timer);
            bannerPids = { supervisor: Number(match[1]), api: Number(match[2]), worker: Number(match[3]) };
            resolve(bannerPids);
          }
        };
        const timer = setTimeout(() => reject(new Error(`npm start did not come up within ${timeoutMs} ms:\n${text}`)), timeoutMs);
        listeners.add(check);
        check();
        void exited.then(({ code, signal }) => {
          clearTimeout(timer);
          reject(new Error(`npm start exited (${signal ?? code}) before it was running:\n${text}`));
        });
      });
    },
  };
}

/** One HTTP call to the API as `actor`, with a token signed by `secret`. */
export async function callApi(
  baseUrl: string,
  secret: string,
  actor: Actor,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${signAccessToken(actor, secret)}` },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** A `temporal` that notes each start in `marker`, then runs the real CLI. */
export function recordingCli(path: string, marker: string, real: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, `#!/bin/sh\necho "$*" >> '${marker}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
  return path;
}

/** The hazard ids in the ledger of the embedded PostgreSQL on `port`. */
export async function ledgerIds(port: number): Promise<Set<string>> {
  const client = new PgClient({ host: '127.0.0.1', port, user: 'postgres', password: 'postgres', database: 'duban' });
  await client.connect();
  try {
    return new Set((await client.query('select hazard_id from hazard_ledger')).rows.map((row) => row.hazard_id as string));
  } finally {
    await client.end();
  }
}

export async function eventually(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > until) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The server pids a run on `dataDir` recorded there (the next start's view of it). */
export function recordedServerPids(dataDir: string): { temporal: number; postgres: number } {
  return {
    temporal: Number(readFileSafe(join(dataDir, 'temporal', 'temporal.pid'))),
    postgres: readPostmasterPid(readlinkSync(join(dataDir, 'postgres')))!,
  };
}
