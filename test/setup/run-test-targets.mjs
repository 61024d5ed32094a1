// `npm test` after the checks: every Nx project's `test` target in two lanes side by side, each
// lane one project at a time, then one total line. Within a project vitest runs one file at a time
// here (2 cores: availableParallelism - 1 workers), which leaves a core partly idle. Measured on 2
// cores: each project ran about 1.9× slower side by side, yet the whole run fell from 1386 s to
// 935–1020 s, so the lanes pay. The
// integration runs each start their own Temporal and PostgreSQL on free ports, so lanes share
// nothing. Nx's cache is skipped so that every count in the total comes from a run (`nx run-many
// -t test` alone still replays cached pure-test results). DUBAN_TEST_LANES=1 runs one lane.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const started = Date.now();
const root = path.resolve(import.meta.dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'duban-tally-'));
const tally = path.join(scratch, 'tally.jsonl');
/**
 * The second lane's projects, the first lane the rest. infra, cluster and faults share the first
 * lane because all three build dist/ (supervisor-harness.ts); audit's replays load
 * dist/workflow-bundle.js when it exists, so it runs in the lane that writes it. The browser tests
 * (Chromium on the workspace) only read dist/apps/web, which their target's dependsOn builds
 * before the first lane's tsc builds touch dist/. Balanced by the last CI run's times (side by
 * side, 2 cores): e2e 699 s, workflows 422 s and browser 106 s here, ~1,230 s; infra 212 s,
 * faults 332 s, persistence 179 s, audit 147 s, cluster 122 s, api 76 s and ~56 s of small pure
 * projects there, ~1,120 s. With api and the small ones in the second lane it ran ~1,360 s
 * against ~990 s.
 */
const SECOND_LANE = ['e2e', 'workflows', 'browser'];
const runNx = (selection) =>
  new Promise((resolve) => {
    const nx = spawn(
      'npx',
      ['nx', 'run-many', '-t', 'test', '--parallel=1', '--outputStyle=stream', '--skipNxCache', ...selection, ...process.argv.slice(2)],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, DUBAN_TEST_TALLY: tally },
      },
    );
    nx.on('error', () => resolve(1));
    nx.on('close', (code) => resolve(code ?? 1));
  });
const lanes = process.env.DUBAN_TEST_LANES === '1' ? [[]] : [[`--exclude=${SECOND_LANE.join(',')}`], [`--projects=${SECOND_LANE.join(',')}`]];
const statuses = await Promise.all(lanes.map(runNx));
const total = { passed: 0, failed: 0, skipped: 0, runs: 0 };
const perProject = [];
for (const line of existsSync(tally) ? readFileSync(tally, 'utf8').split('\n').filter(Boolean) : []) {
  const counts = JSON.parse(line);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  total.runs++;
  if (counts.project) perProject.push(`${counts.project} ${counts.seconds} s`);
}
rmSync(scratch, { recursive: true, force: true });
// A project whose run crashed before reporting still fails the command through nx's exit code.
const status = statuses.find((code) => code !== 0) ?? 0;
if (status !== 0 && total.failed === 0) total.failed = 1;
// Wall times: of the test targets, and of the whole `npm test` when its script passed its start.
const secondsSince = (ms) => Math.round((Date.now() - ms) / 1000);
const whole = Number(process.env.DUBAN_TEST_STARTED_MS);
const times = [`test targets ${secondsSince(started)} s`, ...(whole > 0 ? [`npm test ${secondsSince(whole)} s`] : [])];
if (perProject.length > 0) process.stdout.write(`\ntest targets: ${perProject.join(', ')}`);
process.stdout.write(
  `\ntests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped (${total.runs} project runs; ${times.join(', ')})\n`,
);
process.exit(status);
