/**
 * An event as the ledgers and the API show it: the fields an audit compares. `legalBasis` only
 * where the ledger keeps one (an enforcement case's: the law each step relied on, which its fold
 * carries into the case's state), so the other ledgers' files are as before.
 */
export interface AuditedEvent {
  seq: number;
  type: string;
  at: string;
  actor: unknown;
  reason: string;
  data: unknown;
  legalBasis?: string;
}

export const auditedEvent = (e: AuditedEvent): AuditedEvent => ({
  seq: e.seq,
  type: e.type,
  at: e.at,
  actor: e.actor,
  reason: e.reason,
  data: e.data,
  ...(e.legalBasis !== undefined && { legalBasis: e.legalBasis }),
});
