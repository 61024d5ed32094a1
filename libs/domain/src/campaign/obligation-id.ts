import { isCstDay } from '../time/china-day';
import { OBLIGATION_KINDS, type ObligationKind } from './obligation';

/**
 * Obligation ids, built and read here only: `report:<refId>:<YYYY-MM-DD CST>` (one per cut-off
 * day), `deliverable:<refId>`, `activity:<refId>`. A ref id may itself hold ':' (ids allow
 * it), so the kind is what precedes the first ':' and a report's day is what follows the last.
 * SQL that matches ids (a day's reports, one kind's submissions) uses `obligationIdPrefix` /
 * `REPORT_DAY_SUFFIX_LENGTH` from here.
 */
export type ObligationIdParts = { kind: 'report'; refId: string; day: string } | { kind: 'deliverable' | 'activity'; refId: string };

export function reportObligationId(refId: string, day: string): string {
  return `report:${refId}:${day}`;
}

export function deliverableObligationId(refId: string): string {
  return `deliverable:${refId}`;
}

/** An office's own task (比照落实) is owed like a deliverable: `deliverable:task:<taskId>`. */
export function taskObligationId(taskId: string): string {
  return deliverableObligationId(`task:${taskId}`);
}

export function activityObligationId(refId: string): string {
  return `activity:${refId}`;
}

/** Every id of one kind starts with this. */
export function obligationIdPrefix(kind: ObligationKind): string {
  return `${kind}:`;
}

/** A report id ends with ':' and its 10-character day: the 11 characters SQL compares. */
export const REPORT_DAY_SUFFIX_LENGTH = 11;

/** The suffix a report id for `day` ends with (`:2026-12-01`). */
export function reportDaySuffix(day: string): string {
  return `:${day}`;
}

/** The parts of an obligation id, or undefined when it is not one. */
export function parseObligationId(id: unknown): ObligationIdParts | undefined {
  if (typeof id !== 'string') return undefined;
  const colon = id.indexOf(':');
  const kind = id.slice(0, colon);
  const rest = id.slice(colon + 1);
  if (colon < 0 || !(OBLIGATION_KINDS as readonly string[]).includes(kind)) return undefined;
  if (kind === 'report') {
    const last = rest.lastIndexOf(':');
    const refId = rest.slice(0, last);
    const day = rest.slice(last + 1);
    if (last <= 0 || !isCstDay(day)) return undefined;
    return { kind: 'report', refId, day };
  }
  if (rest === '') return undefined;
  return { kind: kind as 'deliverable' | 'activity', refId: rest };
}
