import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { temporal } from '@temporalio/proto';
import type { CapturingReplay } from '../replay-capture/replay-capturing';
import type { WorkflowRun } from '../workflow-histories';
import { checkRootSignature, type BundleSignature } from './bundle-signature';
import { BUNDLE_META_FILES, MANIFEST_FILE, ROOT_DIGEST_FILE, sha256Hex, SIGNATURE_FILE, type BundleManifest } from './bundle-manifest';
import { EVIDENCE_DIR } from './evidence-digests';
import { historyFromJson } from './history-json';
import { checkLedger, checkLedgerState, ledgerPath, ledgerStatePath } from './verify-ledgers';

/** One thing wrong with a bundle, naming the file it is in. */
export interface BundleProblem {
  file: string;
  problem: string;
}

export interface BundleVerification {
  ok: boolean;
  rootDigest: string | null;
  signed: boolean;
  problems: BundleProblem[];
  histories: number;
  eventsChecked: number;
}

export interface VerifyOptions {
  /**
   * Replays runs against the workflow code, saying what each workflow projected (the CLI:
   * replayCapturingProjections over loadAuditReplayBundle); omitted, nothing is replayed and the
   * ledgers are not compared — only the digests and the signature are checked.
   */
  replay?: (runs: WorkflowRun[]) => Promise<CapturingReplay>;
  /** The office's public key (SPKI PEM): a bundle signed by another key fails. */
  trustedPublicKey?: string;
}

async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? filesUnder(dir, `${prefix}${e.name}/`) : Promise.resolve([`${prefix}${e.name}`]))),
  );
  return nested.flat();
}

/**
 * Checks a bundle offline (no Temporal, no PostgreSQL): the root digest over manifest.json, the
 * signature when there is one, every file's SHA-256 (and no file the manifest does not list), every
 * history replayed against the workflow code, and the events each workflow's histories projected —
 * folded through the domain where it has a fold — equal to the ledger's events in the bundle.
 */
export async function verifyBundle(dir: string, options: VerifyOptions = {}): Promise<BundleVerification> {
  const problems: BundleProblem[] = [];
  const result = (rootDigest: string | null, signed: boolean, histories = 0, eventsChecked = 0): BundleVerification => ({
    ok: problems.length === 0,
    rootDigest,
    signed,
    problems,
    histories,
    eventsChecked,
  });
  const manifestPath = path.join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) return (problems.push({ file: MANIFEST_FILE, problem: 'missing' }), result(null, false));
  const manifestRaw = await readFile(manifestPath);
  const rootDigest = sha256Hex(manifestRaw);
  const recorded = existsSync(path.join(dir, ROOT_DIGEST_FILE)) ? (await readFile(path.join(dir, ROOT_DIGEST_FILE), 'utf8')).trim() : undefined;
  if (recorded !== rootDigest)
    problems.push({ file: MANIFEST_FILE, problem: `its SHA-256 ${rootDigest} is not the root digest recorded (${recorded ?? 'none'})` });
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(manifestRaw.toString('utf8')) as BundleManifest;
  } catch (error) {
    problems.push({ file: MANIFEST_FILE, problem: `not JSON: ${(error as Error).message}` });
    return result(rootDigest, false);
  }
  const signed = existsSync(path.join(dir, SIGNATURE_FILE));
  if (signed) {
    try {
      const signature = JSON.parse(await readFile(path.join(dir, SIGNATURE_FILE), 'utf8')) as BundleSignature;
      const wrong = checkRootSignature(rootDigest, signature, options.trustedPublicKey);
      if (wrong) problems.push({ file: SIGNATURE_FILE, problem: wrong });
    } catch (error) {
      problems.push({ file: SIGNATURE_FILE, problem: `unreadable: ${(error as Error).message}` });
    }
  } else if (options.trustedPublicKey !== undefined) problems.push({ file: SIGNATURE_FILE, problem: 'missing, yet a trusted key was given' });

  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  const contents = new Map<string, Buffer>();
  for (const entry of manifest.files) {
    const target = path.join(dir, ...entry.path.split('/'));
    if (!existsSync(target)) {
      problems.push({ file: entry.path, problem: 'listed in the manifest but missing' });
      continue;
    }
    const bytes = await readFile(target);
    contents.set(entry.path, bytes);
    if (sha256Hex(bytes) !== entry.sha256)
      problems.push({ file: entry.path, problem: `SHA-256 ${sha256Hex(bytes)} differs from the manifest's ${entry.sha256}` });
    // An evidence file is named by its content: a file re-listed with its new digest still fails here.
    const evidence = new RegExp(`^${EVIDENCE_DIR}/([0-9a-f]{64})$`).exec(entry.path);
    if (evidence && sha256Hex(bytes) !== evidence[1])
      problems.push({ file: entry.path, problem: `its bytes hash to ${sha256Hex(bytes)}, not to the digest it is named by` });
  }
  for (const file of await filesUnder(dir))
    if (!listed.has(file) && !BUNDLE_META_FILES.includes(file)) problems.push({ file, problem: 'not in the manifest' });

  // Histories: histories/<workflowId>/<runId>.json, in run order as the manifest lists them (each run's first event names the one before).
  const runsByWorkflow = new Map<string, Array<{ file: string; run: WorkflowRun }>>();
  for (const [file, bytes] of contents) {
    const match = /^histories\/([^/]+)\/([^/]+)\.json$/.exec(file);
    if (!match) continue;
    try {
      const history = historyFromJson(bytes.toString('utf8'));
      const runs = runsByWorkflow.get(match[1]!) ?? [];
      runs.push({ file, run: { workflowId: match[1]!, runId: match[2]!, history, eventCount: history.events.length } });
      runsByWorkflow.set(match[1]!, runs);
    } catch (error) {
      problems.push({ file, problem: `not a history: ${(error as Error).message}` });
    }
  }
  for (const runs of runsByWorkflow.values())
    runs.sort(
      (a, b) =>
        runOrder(
          a.run.history,
          runs.map((r) => r.run),
        ) -
        runOrder(
          b.run.history,
          runs.map((r) => r.run),
        ),
    );
  const allRuns = [...runsByWorkflow.values()].flat();
  if (!options.replay) return result(rootDigest, signed, 0, 0);
  const replayed = await options.replay(allRuns.map((r) => r.run));
  for (const [i, replay] of replayed.runs.entries())
    if (!replay.ok)
      problems.push({
        file: allRuns[i]!.file,
        problem: `replay failed (${replay.failure?.kind ?? 'other'}${replay.failure?.eventId ? `, at event ${replay.failure.eventId}` : ''}): ${replay.failure?.message ?? ''}`,
      });

  let eventsChecked = 0;
  const bundle = { has: (file: string) => contents.has(file), missingEvidence: manifest.missingEvidence ?? [] };
  const workflowIds = new Set([...runsByWorkflow.keys()]);
  for (const file of contents.keys()) {
    const ledger = /^ledger\/(.+)\.(events|state)\.json$/.exec(file);
    if (ledger) workflowIds.add(ledger[1]!);
  }
  for (const workflowId of workflowIds) {
    const runs = runsByWorkflow.get(workflowId) ?? [];
    const stateBytes = contents.get(ledgerStatePath(workflowId));
    if (runs.length === 0) {
      problems.push({
        file: stateBytes ? ledgerStatePath(workflowId) : ledgerPath(workflowId),
        problem: 'no history of its workflow in the bundle: nothing proves these events',
      });
      continue;
    }
    if (stateBytes) problems.push(...checkLedgerState(workflowId, runs, stateBytes, replayed.projectionOf(workflowId)));
    const checked = checkLedger(workflowId, runs, contents.get(ledgerPath(workflowId)), replayed.projectionOf(workflowId), bundle);
    problems.push(...checked.problems);
    eventsChecked += checked.eventsChecked;
  }
  return result(rootDigest, signed, allRuns.length, eventsChecked);
}

/** A run's place in its chain: how many runs of the set it continued from. */
function runOrder(history: temporal.api.history.v1.IHistory, runs: readonly WorkflowRun[]): number {
  let depth = 0;
  let previous = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
  while (previous && depth <= runs.length) {
    depth++;
    previous = runs.find((r) => r.runId === previous)?.history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
  }
  return depth;
}
