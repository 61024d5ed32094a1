import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** Pinned: the version issue 8 measured against; a newer one may add checks the run was not held to. */
export const SCHEMATHESIS_VERSION = '4.32.0';

/** A venv per version under the same cache as the Temporal CLI, so CI on this machine installs it once. */
const VENV = path.join(process.env.DUBAN_CACHE_DIR ?? path.join(homedir(), '.cache', 'duban'), `schemathesis-${SCHEMATHESIS_VERSION}`);
const ST = path.join(VENV, 'bin', 'st');
/**
 * Coverage's seeded distinct-element draws (test/contract/duban_checks.py, `_draw_distinct`), kept
 * beside the schemathesis and hypothesis that drew them: a reinstall (`venv --clear`) drops them.
 */
export const DRAW_CACHE = path.join(VENV, 'duban-draws');

function installedVersion(): string | undefined {
  if (!existsSync(ST)) return undefined;
  try {
    return /version (\S+)/.exec(execFileSync(ST, ['--version'], { encoding: 'utf8' }))?.[1];
  } catch {
    return undefined;
  }
}

/** The `st` executable of the pinned schemathesis, installed from PyPI into its cached venv when missing. */
export function ensureSchemathesis(log: (message: string) => void = () => {}): string {
  if (installedVersion() === SCHEMATHESIS_VERSION) return ST;
  log(`installing schemathesis ${SCHEMATHESIS_VERSION} into ${VENV}`);
  mkdirSync(path.dirname(VENV), { recursive: true });
  execFileSync('python3', ['-m', 'venv', '--clear', VENV], { stdio: 'inherit' });
  execFileSync(path.join(VENV, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`], {
    stdio: 'inherit',
  });
  const version = installedVersion();
  if (version !== SCHEMATHESIS_VERSION) throw new Error(`schemathesis ${SCHEMATHESIS_VERSION} did not install (found ${version ?? 'nothing'})`);
  return ST;
}

export interface SchemathesisRun {
  exitCode: number | null;
  /** The JSON run report (`--report json`). */
  report: any;
  /** Every event (`--report ndjson`), one parsed object a line. */
  events: any[];
  output: string;
}

/** Runs `st run <args>` (in `cwd`, with `env` added) and reads its JSON and NDJSON reports from `reportDir`. */
export function runSchemathesis(
  st: string,
  args: string[],
  reportDir: string,
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<SchemathesisRun> {
  const jsonPath = path.join(reportDir, 'report.json');
  const ndjsonPath = path.join(reportDir, 'events.ndjson');
  const child = spawn(
    st,
    ['run', ...args, '--report', 'json,ndjson', '--report-json-path', jsonPath, '--report-ndjson-path', ndjsonPath, '--no-color'],
    {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => {
      if (!existsSync(jsonPath)) return reject(new Error(`schemathesis wrote no report (exit ${exitCode}):\n${output}`));
      const events = existsSync(ndjsonPath)
        ? readFileSync(ndjsonPath, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line))
        : [];
      resolve({ exitCode, report: JSON.parse(readFileSync(jsonPath, 'utf8')), events, output });
    });
  });
}

export interface PhaseTally {
  /** Requests sent, by the mode their case was generated in. */
  positive: number;
  negative: number;
  /** Operations (`METHOD /path`) sent at least one valid (positive) or invalid (negative) case. */
  operationsWithPositive: Set<string>;
  operationsWithNegative: Set<string>;
}

/** Requests per phase and mode, from the NDJSON events of a run. */
export function tallyRequests(events: any[]): Map<string, PhaseTally> {
  const phases = new Map<string, PhaseTally>();
  for (const event of events) {
    const scenario = event.ScenarioFinished;
    if (!scenario?.recorder?.cases) continue;
    const tally = phases.get(scenario.phase) ?? { positive: 0, negative: 0, operationsWithPositive: new Set(), operationsWithNegative: new Set() };
    phases.set(scenario.phase, tally);
    for (const recorded of Object.values<any>(scenario.recorder.cases)) {
      if (recorded.value?.meta?.generation?.mode === 'negative') {
        tally.negative++;
        tally.operationsWithNegative.add(scenario.recorder.label);
      } else {
        tally.positive++;
        tally.operationsWithPositive.add(scenario.recorder.label);
      }
    }
  }
  return phases;
}
