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
 * The first lane's projects, the other lane the rest. infra, cluster and faults share a lane
 * because all three build dist/ (supervisor-harness.ts); audit's replays load
 * dist/workflow-bundle.js when it exists, so it runs in the lane that writes it. Balanced by
 * the last CI run's times (side by side, 2 cores): infra 159 s, cluster 64 s, persistence 123 s,
 * audit 61 s and faults (100 units: 257 s on a loaded machine, so ~400 s side by side) here, ~800 s;
 * e2e 385 s, workflows 252 s, api 54 s and ~40 s of small projects there, ~730 s. With faults
 * added to the old first lane (e2e, infra, cluster) that lane alone would have run ~1,000 s.
 * The browser tests (test/browser, Chromium on the workspace) run in the other lane: they only read
 * dist/apps/web, which their target's dependsOn builds before the lanes' tsc builds touch dist/.
 */
const FIRST_LANE = ['infra', 'cluster', 'faults', 'persistence', 'audit'];
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
const lanes = process.env.DUBAN_TEST_LANES === '1' ? [[]] : [[`--projects=${FIRST_LANE.join(',')}`], [`--exclude=${FIRST_LANE.join(',')}`]];
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
