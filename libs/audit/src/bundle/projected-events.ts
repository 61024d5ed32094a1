import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';

/** An event as the ledgers and the API show it: the fields an audit compares. */
export interface AuditedEvent {
  seq: number;
  type: string;
  at: string;
  actor: unknown;
  reason: string;
  data: unknown;
}

/** The projection activities every workflow records its ledger through (recordHazardEvents …): their input is `{ events, state }`. */
const PROJECTION = /^record\w*Events$/;

export const auditedEvent = (e: AuditedEvent): AuditedEvent => ({
  seq: e.seq,
  type: e.type,
  at: e.at,
  actor: e.actor,
  reason: e.reason,
  data: e.data,
});

/**
 * What a workflow's histories say it projected into its ledger: every event handed to its
 * projection activity (each once, by seq: a retried or repeated batch says the same), in order,
 * and the state handed with the last batch.
 */
export function projectedEvents(histories: readonly temporal.api.history.v1.IHistory[]): { events: AuditedEvent[]; lastState: unknown } {
  const bySeq = new Map<number, AuditedEvent>();
  let lastState: unknown;
  for (const history of histories)
    for (const event of history.events ?? []) {
      const scheduled = event.activityTaskScheduledEventAttributes;
      if (!scheduled?.activityType?.name || !PROJECTION.test(scheduled.activityType.name)) continue;
      const payload = scheduled.input?.payloads?.[0];
      if (!payload) continue;
      const input = defaultPayloadConverter.fromPayload<{ events: AuditedEvent[]; state: unknown }>(payload as never);
      for (const e of input.events) if (!bySeq.has(e.seq)) bySeq.set(e.seq, auditedEvent(e));
      lastState = input.state;
    }
  return { events: [...bySeq.values()].sort((a, b) => a.seq - b.seq), lastState };
}
