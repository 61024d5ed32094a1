import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { findOnPath, isExecutableFile, isPidAlive, readFileSafe, sleep, type InfraLog } from '../process-utils';

/** Go programs built once from their modules into a folder of the cache (see dubanCacheDir). */
export interface GoBuild {
  /** Names the build in messages: "the Temporal CLI". */
  what: string;
  /** The folder that holds the binaries once built: `<cache>/<name>-<version>`. */
  dir: string;
  /** `go install` targets (`module/cmd/x@version`), each with the name its binary gets in `dir`. */
  targets: Array<{ target: string; goName: string; binary: string }>;
  /** "about 2 minutes": said before the first build. */
  expectedTime: string;
  /** What else the user can do when Go is missing or the build fails. */
  alternatives: string;
}

/**
 * The folder of `build`'s binaries, building them first if the cache lacks one. Built into a temp
 * folder beside it, then renamed: a half-written binary is never at its final path. A lock file
 * (holding our pid) makes concurrent callers wait for one build instead of racing two. Only the Go
 * module proxy is used, and only here; GOTOOLCHAIN=local keeps Go from fetching a toolchain.
 */
export async function goInstallCached(build: GoBuild, log: InfraLog): Promise<string> {
  const ready = () => build.targets.every((t) => isExecutableFile(join(build.dir, t.binary)));
  if (ready()) return build.dir;
  const go = findOnPath('go');
  if (!go) {
    throw new Error(
      `${capitalise(build.what)} is not built yet and Go is not installed to build it. Install Go (1.25+) so ` +
        `${build.targets.map((t) => t.target).join(' and ')} can be built once into ${build.dir}, or ${build.alternatives}.`,
    );
  }
  const parent = dirname(build.dir);
  mkdirSync(parent, { recursive: true });
  const lockPath = `${build.dir}.lock`;
  let announcedWait = false;
  for (;;) {
    if (ready()) return build.dir;
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = Number.parseInt(readFileSafe(lockPath), 10);
    if (Number.isInteger(holder) && !isPidAlive(holder)) {
      log(`Removing stale build lock ${lockPath} (pid ${holder} is gone)`);
      rmSync(lockPath, { force: true });
      continue;
    }
    if (!announcedWait) {
      log(`Another build (pid ${holder || '?'}) is producing ${build.dir}; waiting for it...`);
      announcedWait = true;
    }
    await sleep(2000);
  }
  try {
    if (ready()) return build.dir; // finished by someone else while we took the lock
    const tmp = mkdtempSync(join(parent, `.${basename(build.dir)}.build-`));
    try {
      await runGoInstall(go, join(tmp, 'gobin'), build, log);
      for (const t of build.targets) renameSync(join(tmp, 'gobin', t.goName), join(tmp, t.binary));
      rmSync(join(tmp, 'gobin'), { recursive: true, force: true });
      rmSync(build.dir, { recursive: true, force: true }); // an incomplete earlier folder, if any
      renameSync(tmp, build.dir);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    log(`${capitalise(build.what)} built: ${build.dir}`);
    return build.dir;
  } finally {
    rmSync(lockPath, { force: true });
  }
}

async function runGoInstall(go: string, gobin: string, build: GoBuild, log: InfraLog): Promise<void> {
  const targets = build.targets.map((t) => t.target);
  log(`Building ${build.what} with \`go install ${targets.join(' ')}\` (${build.expectedTime} the first time; cached afterwards)...`);
  const started = Date.now();
  const tail: string[] = [];
  await new Promise<void>((resolvePromise, reject) => {
    const child = spawn(go, ['install', ...targets], {
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
      log(`  still building ${build.what} (${secs}s)${tail.length ? `; last: ${tail[tail.length - 1]}` : ''}`);
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
            `\`go install ${targets.join(' ')}\` failed (${signal ?? `exit ${code}`}). Check network access to the Go module proxy, ` +
              `or ${build.alternatives}. Output tail:\n${tail.join('\n')}`,
          ),
        );
    });
  });
  log(`  go install finished in ${Math.round((Date.now() - started) / 1000)}s`);
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
