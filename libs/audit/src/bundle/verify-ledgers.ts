import { isDeepStrictEqual } from 'node:util';
import { foldAccidentOpening, foldOpeningEvents, type NewAccidentEvent, type NewHazardEvent } from '@duban/domain';
import type { CapturedProjection } from '../replay-capture/captured-projections';
import type { WorkflowRun } from '../workflow-histories';
import type { MissingEvidence } from './bundle-manifest';
import { evidenceDigestsIn, evidencePath } from './evidence-digests';
import type { AuditedEvent } from './audited-event';

export interface LedgerProblem {
  file: string;
  problem: string;
}

/** How the domain folds a workflow's projected events into its state, by workflow type (the others are compared event by event only). */
const FOLDS: Record<string, (events: AuditedEvent[]) => unknown> = {
  hazardWorkflow: (events) => foldOpeningEvents(events.map(({ seq: _seq, ...e }) => e as unknown as NewHazardEvent)).state,
  accidentWorkflow: (events) => foldAccidentOpening(events.map(({ seq: _seq, ...e }) => e as unknown as NewAccidentEvent)).state,
};

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

export const ledgerPath = (workflowId: string): string => `ledger/${workflowId}.events.json`;

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
  const differs = firstDifference(json(projected) as AuditedEvent[], ledger);
  if (differs) problems.push({ file, problem: `differs from what the workflow code projected on replay: ${differs}` });
  const type = runs[0]?.run.history.events?.[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name ?? '';
  const fold = FOLDS[type];
  if (fold && projected.length > 0 && !isDeepStrictEqual(json(fold(projected)), json(projection?.lastState)))
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

function firstDifference(projected: AuditedEvent[], ledger: AuditedEvent[]): string | undefined {
  for (let i = 0; i < Math.max(projected.length, ledger.length); i++) {
    const p = projected[i];
    const l = ledger[i];
    if (!p) return `the ledger has event seq ${l!.seq} the workflow never projected`;
    if (!l) return `the ledger lacks event seq ${p.seq} (${p.type})`;
    if (!isDeepStrictEqual(p, l)) return `event seq ${p.seq} (${p.type}) is not as projected`;
  }
  return undefined;
}
