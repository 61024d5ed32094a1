import { isDeepStrictEqual } from 'node:util';
import {
  foldAccidentOpening,
  foldCovertInspectionOpening,
  foldEnforcementOpening,
  foldOpeningEvents,
  foldTipOffOpening,
  type NewAccidentEvent,
  type NewCovertInspectionEvent,
  type NewEnforcementEvent,
  type NewHazardEvent,
  type NewTipOffEvent,
  type AccountabilityActionState,
} from '@duban/domain';
import type { CapturedProjection } from '../replay-capture/captured-projections';
import { accountabilityAsKept } from './accountability-ledger';
import type { WorkflowRun } from '../workflow-histories';
import { localActivityMarkerData } from '../local-activity-marker';
import type { MissingEvidence } from './bundle-manifest';
import { evidenceDigestsIn, evidencePath } from './evidence-digests';
import type { AuditedEvent } from './audited-event';

export interface LedgerProblem {
  file: string;
  problem: string;
}

/** A ledger's events as the domain's new events (the seq is the fold's to assign). */
const unsequenced = <E>(events: AuditedEvent[]): E[] => events.map(({ seq: _seq, ...e }) => e as unknown as E);

/**
 * How the domain folds a workflow's projected events into its state, by workflow type: every
 * aggregate with a decider (the campaign's and a unit's obligations are compared event by event
 * only: their state also holds the plan and roster no event carries).
 */
const FOLDS: Partial<Record<string, (events: AuditedEvent[]) => unknown>> = {
  hazardWorkflow: (events) => foldOpeningEvents(unsequenced<NewHazardEvent>(events)).state,
  accidentWorkflow: (events) => foldAccidentOpening(unsequenced<NewAccidentEvent>(events)).state,
  enforcementCaseWorkflow: (events) => foldEnforcementOpening(unsequenced<NewEnforcementEvent>(events)).state,
  tipOffWorkflow: (events) => foldTipOffOpening(unsequenced<NewTipOffEvent>(events)).state,
  covertInspectionWorkflow: (events) => foldCovertInspectionOpening(unsequenced<NewCovertInspectionEvent>(events)).state,
};

/** The fold's state, or why the domain refused the events (a ledger edited into a stream no decider accepts). */
function folded(fold: (events: AuditedEvent[]) => unknown, events: AuditedEvent[]): { state: unknown } | { refused: string } {
  try {
    return { state: fold(events) };
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

export const ledgerPath = (workflowId: string): string => `ledger/${workflowId}.events.json`;
/** A ledger that keeps a row and no events: the row's state (an accountability action's). */
export const ledgerStatePath = (workflowId: string): string => `ledger/${workflowId}.state.json`;

/**
 * The ledgers that keep a workflow's state in a row and no events, by workflow type: what the row
 * keeps of a state the workflow recorded, and the state it started with (what the row holds until
 * the workflow records one: the review that found the firing wrote it).
 */
const STATE_LEDGERS: Partial<Record<string, { kept(state: unknown): unknown; started(input: unknown): unknown }>> = {
  accountabilityActionWorkflow: {
    kept: (state) => accountabilityAsKept(state as AccountabilityActionState),
    started: (input) => (input as { action: AccountabilityActionState }).action,
  },
};

/** The first argument a run was started with (json/plain, the SDK's default converter). */
function startedInput(run: WorkflowRun): unknown {
  const payload = run.history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  return payload?.data ? JSON.parse(Buffer.from(payload.data).toString('utf8')) : undefined;
}

const workflowType = (runs: ReadonlyArray<{ run: WorkflowRun }>): string =>
  runs[0]?.run.history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? '';

/**
 * A row-only ledger's state file against the last state its workflow recorded on replay (or, when
 * it recorded none, the state it was started with).
 */
export function checkLedgerState(
  workflowId: string,
  runs: ReadonlyArray<{ file: string; run: WorkflowRun }>,
  stateBytes: Buffer,
  projection: CapturedProjection | undefined,
): LedgerProblem[] {
  const file = ledgerStatePath(workflowId);
  const ledger = STATE_LEDGERS[workflowType(runs)];
  if (!ledger) return [{ file, problem: `a ${workflowType(runs) || 'workflow'} keeps no state-only ledger` }];
  let kept: unknown;
  try {
    kept = JSON.parse(stateBytes.toString('utf8'));
  } catch (error) {
    return [{ file, problem: `not JSON: ${(error as Error).message}` }];
  }
  const recorded = projection?.lastState ?? ledger.started(startedInput(runs[0]!.run));
  const expected = json(ledger.kept(recorded));
  return isDeepStrictEqual(expected, kept)
    ? []
    : [{ file, problem: `differs from the state the workflow code recorded on replay (${differingField(expected, kept)})` }];
}

/**
 * One workflow's ledger file against what its code projected while it replayed: event by event,
 * then — where the domain has a fold — the fold of those events against the state the workflow
 * recorded with them; and every evidence digest its events reference present in the bundle.
 */
export function checkLedger(
  workflowId: string,
  runs: ReadonlyArray<{ file: string; run: WorkflowRun }>,
  ledgerBytes: Buffer | undefined,
  projection: CapturedProjection | undefined,
  bundle: { has(file: string): boolean; missingEvidence: readonly MissingEvidence[] },
): { problems: LedgerProblem[]; eventsChecked: number } {
  const file = ledgerPath(workflowId);
  const problems: LedgerProblem[] = [];
  const projected = projection?.events ?? [];
  if (!ledgerBytes) {
    if (projected.length > 0) problems.push({ file, problem: `missing: the histories projected ${projected.length} events into this ledger` });
    return { problems, eventsChecked: 0 };
  }
  let ledger: AuditedEvent[];
  try {
    ledger = JSON.parse(ledgerBytes.toString('utf8')) as AuditedEvent[];
  } catch (error) {
    return { problems: [{ file, problem: `not JSON: ${(error as Error).message}` }], eventsChecked: 0 };
  }
  const latestAt = localClockBound(runs, projection);
  const differs = firstDifference(json(projected) as AuditedEvent[], ledger, latestAt);
  if (differs) problems.push({ file, problem: `differs from what the workflow code projected on replay: ${differs}` });
  const fold = FOLDS[workflowType(runs)];
  const outcome = fold && projected.length > 0 ? folded(fold, projected) : undefined;
  if (outcome && 'refused' in outcome)
    problems.push({ file: runs[runs.length - 1]!.file, problem: `the domain does not fold its events: ${outcome.refused}` });
  else if (outcome && !isDeepStrictEqual(json(outcome.state), json(projection?.lastState)))
    problems.push({
      file: runs[runs.length - 1]!.file,
      problem: 'folding its events through the domain does not give the state the workflow recorded',
    });
  const missingAtExport = new Set(bundle.missingEvidence.map((m) => m.digest));
  for (const event of ledger)
    for (const digest of evidenceDigestsIn(event.data)) {
      if (bundle.has(evidencePath(digest))) continue;
      // Reported, not excused: the event claims a file the bundle cannot show, and an auditor must see that gap.
      const why = missingAtExport.has(digest)
        ? 'the evidence store did not have it at export (manifest missingEvidence)'
        : `no ${evidencePath(digest)} in the bundle`;
      problems.push({ file, problem: `event seq ${event.seq} references evidence ${digest}: ${why}` });
    }
  return { problems, eventsChecked: ledger.length };
}

const millis = (ts: { seconds?: unknown; nanos?: number | null } | null | undefined): number =>
  ts ? Number(String(ts.seconds ?? 0)) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6) : Number.NaN;

/**
 * By seq, the latest time an event projected through a local activity may carry: the end of the
 * workflow task that recorded the projecting activity's marker (see LocalProjectionSite — the
 * original run read its clock in that task or an earlier one; the replay's clock may lag it).
 */
function localClockBound(runs: ReadonlyArray<{ run: WorkflowRun }>, projection: CapturedProjection | undefined): Map<number, number> {
  const bounds = new Map<number, number>();
  for (const [seq, site] of projection?.localSites ?? []) {
    const events = runs.find((r) => r.run.runId === site.runId)?.run.history.events ?? [];
    const marker = events.findIndex((e) => localActivityMarkerData(e)?.seq === site.activitySeq);
    // Markers follow the completion of the task that recorded them.
    const end = events
      .slice(0, Math.max(marker, 0))
      .filter((e) => e.workflowTaskCompletedEventAttributes)
      .at(-1);
    if (marker >= 0 && end) bounds.set(seq, millis(end.eventTime));
  }
  return bounds;
}

/** Equal, or equal but for an `at` the original run's clock reached within the same workflow task. */
function sameEvent(p: AuditedEvent, l: AuditedEvent, latestAt: number | undefined): boolean {
  if (isDeepStrictEqual(p, l)) return true;
  if (latestAt === undefined || !isDeepStrictEqual({ ...p, at: l.at }, l)) return false;
  const at = Date.parse(l.at);
  return at >= Date.parse(p.at) && at <= latestAt;
}

function firstDifference(projected: AuditedEvent[], ledger: AuditedEvent[], latestAt: ReadonlyMap<number, number>): string | undefined {
  for (let i = 0; i < Math.max(projected.length, ledger.length); i++) {
    const p = projected[i];
    const l = ledger[i];
    if (!p) return `the ledger has event seq ${l!.seq} the workflow never projected`;
    if (!l) return `the ledger lacks event seq ${p.seq} (${p.type})`;
    if (sameEvent(p, l, latestAt.get(p.seq))) continue;
    return `event seq ${p.seq} (${p.type}) is not as projected (${differingField(p, l)})`;
  }
  return undefined;
}

const brief = (value: unknown): string => (JSON.stringify(value) ?? 'nothing').slice(0, 80);

/** Where two events first part, as a path (`data.deadline`), so the auditor sees what was changed. */
function differingField(projected: unknown, ledger: unknown, at = ''): string {
  if (typeof projected !== 'object' || projected === null || typeof ledger !== 'object' || ledger === null)
    return `${at || 'the event'}: projected ${brief(projected)}, ledger ${brief(ledger)}`;
  const keys = new Set([...Object.keys(projected), ...Object.keys(ledger)]);
  for (const key of keys) {
    const [p, l] = [(projected as Record<string, unknown>)[key], (ledger as Record<string, unknown>)[key]];
    if (!isDeepStrictEqual(p, l)) return differingField(p, l, at ? `${at}.${key}` : key);
  }
  return at || 'the event';
}
