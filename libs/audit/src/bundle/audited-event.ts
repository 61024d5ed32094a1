/** An event as the ledgers and the API show it: the fields an audit compares. */
export interface AuditedEvent {
  seq: number;
  type: string;
  at: string;
  actor: unknown;
  reason: string;
  data: unknown;
}

export const auditedEvent = (e: AuditedEvent): AuditedEvent => ({
  seq: e.seq,
  type: e.type,
  at: e.at,
  actor: e.actor,
  reason: e.reason,
  data: e.data,
});
