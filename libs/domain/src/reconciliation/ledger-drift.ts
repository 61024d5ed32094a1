import { canonicalJson } from '../idempotency/request-fingerprint';

/**
 * Drift between what a workflow projected and what its ledger holds (台账核对). The workflow is the
 * source of truth; the ledger row and event log are its projection. Both sides arrive here already
 * as the row holds them (column by column, instants as ISO strings); this only compares.
 */

/** A ledger row or an event row, by column (entity property). */
export type ProjectedFields = Readonly<Record<string, unknown>>;

export interface ProjectedEvent {
  seq: number;
  fields: ProjectedFields;
}

/** One side: the row (null: none in the ledger) and the event rows. */
export interface LedgerSide {
  row: ProjectedFields | null;
  events: readonly ProjectedEvent[];
}

export interface FieldDrift {
  field: string;
  expected: unknown;
  found: unknown;
}

/** What differs; every list empty and `rowMissing` false means the ledger matches. */
export interface LedgerDrift {
  rowMissing: boolean;
  fields: FieldDrift[];
  /** Seqs the workflow recorded that the ledger lacks. */
  missingSeqs: number[];
  /** Seqs in the ledger the workflow never recorded. */
  extraSeqs: number[];
  /** Seqs in both whose rows differ. */
  alteredSeqs: number[];
}

/** The drift of `found` (the ledger) from `expected` (the workflow's projection). */
export function ledgerDrift(expected: { row: ProjectedFields; events: readonly ProjectedEvent[] }, found: LedgerSide): LedgerDrift {
  const fields = found.row === null ? [] : fieldDrift(expected.row, found.row);
  const expectedBySeq = new Map(expected.events.map((e) => [e.seq, e.fields]));
  const foundBySeq = new Map(found.events.map((e) => [e.seq, e.fields]));
  const missingSeqs = [...expectedBySeq.keys()].filter((seq) => !foundBySeq.has(seq));
  const extraSeqs = [...foundBySeq.keys()].filter((seq) => !expectedBySeq.has(seq));
  const alteredSeqs = [...expectedBySeq].filter(([seq, fields]) => {
    const other = foundBySeq.get(seq);
    return other !== undefined && fieldDrift(fields, other).length > 0;
  });
  const ascending = (a: number, b: number) => a - b;
  return {
    rowMissing: found.row === null,
    fields,
    missingSeqs: missingSeqs.sort(ascending),
    extraSeqs: extraSeqs.sort(ascending),
    alteredSeqs: alteredSeqs.map(([seq]) => seq).sort(ascending),
  };
}

export function hasDrift(drift: LedgerDrift): boolean {
  return drift.rowMissing || drift.fields.length > 0 || drift.missingSeqs.length > 0 || drift.extraSeqs.length > 0 || drift.alteredSeqs.length > 0;
}

/** Every column of either side whose values differ (jsonb compared whatever its key order: PostgreSQL keeps none). */
function fieldDrift(expected: ProjectedFields, found: ProjectedFields): FieldDrift[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(found)])].sort();
  return names
    .filter((field) => canonicalJson(expected[field]) !== canonicalJson(found[field]))
    .map((field) => ({ field, expected: expected[field] ?? null, found: found[field] ?? null }));
}

/**
 * The event side of a workflow whose events are not in its history (its record activity is a
 * local activity: only its result is), compared by seq alone: the state's `lastSeq` says the log
 * holds seqs 1..lastSeq, no more, no fewer. An altered event cannot be told here (that needs the
 * events replayed from the workflow's code), so `alteredSeqs` stays empty.
 */
export function seqSetDrift(lastSeq: number, foundSeqs: readonly number[]): Pick<LedgerDrift, 'missingSeqs' | 'extraSeqs' | 'alteredSeqs'> {
  const found = new Set(foundSeqs);
  const missingSeqs = Array.from({ length: Math.max(0, lastSeq) }, (_, i) => i + 1).filter((seq) => !found.has(seq));
  const extraSeqs = [...found].filter((seq) => !Number.isInteger(seq) || seq < 1 || seq > lastSeq).sort((a, b) => a - b);
  return { missingSeqs, extraSeqs, alteredSeqs: [] };
}
