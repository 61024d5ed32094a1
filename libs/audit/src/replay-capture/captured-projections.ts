import type { InjectedSinks } from '@temporalio/worker';
import { auditedEvent, type AuditedEvent } from '../bundle/audited-event';
import type { AuditProjectionSinks, ProjectionInput } from './projection-sink';

/** What one workflow's code projected into its ledger, as its replay showed: each event once, in seq order, and the last state handed with them. */
export interface CapturedProjection {
  events: AuditedEvent[];
  lastState: unknown;
}

/**
 * Collects, per workflow id, the projections the audit interceptor reports during a replay.
 * Deduplicated by seq: each run of a chain re-projects nothing, but a batch sent again (a retry,
 * a run replayed twice) says the same events.
 */
export class ProjectionCapture {
  private readonly byWorkflow = new Map<string, { bySeq: Map<number, AuditedEvent>; lastState: unknown }>();

  /** The sinks to hand the replay worker: called during replay, which is all an audit replay is. */
  sinks(): InjectedSinks<AuditProjectionSinks> {
    return {
      auditProjections: {
        projected: { fn: (info, _type, input) => this.add(info.workflowId, input), callDuringReplay: true },
      },
    };
  }

  add(workflowId: string, input: ProjectionInput): void {
    const entry = this.byWorkflow.get(workflowId) ?? { bySeq: new Map<number, AuditedEvent>(), lastState: undefined };
    this.byWorkflow.set(workflowId, entry);
    // A copy out of the workflow's context: plain data, compared as the JSON files are.
    const plain = JSON.parse(JSON.stringify(input)) as ProjectionInput;
    for (const e of plain.events) if (!entry.bySeq.has(e.seq)) entry.bySeq.set(e.seq, auditedEvent(e as unknown as AuditedEvent));
    entry.lastState = plain.state;
  }

  of(workflowId: string): CapturedProjection | undefined {
    const entry = this.byWorkflow.get(workflowId);
    if (!entry) return undefined;
    return { events: [...entry.bySeq.values()].sort((a, b) => a.seq - b.seq), lastState: entry.lastState };
  }
}
