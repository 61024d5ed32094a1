/**
 * One thing a unit owes by a time: a recurring report (一日一报/周报), a phase deliverable, or
 * an activity report (活动信息报送). Ids are stable and readable, e.g.
 * `report:daily:2026-12-01`, `deliverable:self-check-report`.
 */
export const OBLIGATION_KINDS = ['report', 'deliverable', 'activity'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export interface Obligation {
  id: string;
  kind: ObligationKind;
  /** The requirement, deliverable or activity id in the template. */
  refId: string;
  name: string;
  /** The phase it falls in (absent for campaign-wide activities). */
  phaseId?: string;
  dueAt: string;
  zeroReportAllowed: boolean;
}
