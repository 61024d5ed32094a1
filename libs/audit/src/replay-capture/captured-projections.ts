import type { InjectedSinks } from '@temporalio/worker';
import { auditedEvent, type AuditedEvent } from '../bundle/audited-event';
import type { AuditProjectionSinks, ProjectionInput } from './projection-sink';

/**
 * Where a local activity projected an event: the run, and the local activity's sequence number
 * (its marker's `seq`). The SDK replays the workflow clock after a local activity at that
 * activity's recorded completion, while the original run's clock may have moved on to a later
 * workflow task — so an event timed right after one (a unit's `enrolled`, after
 * loadCampaignPlan) can replay earlier than it ran, though never later than the end of the task
 * that recorded the projecting activity's marker.
 */
export interface LocalProjectionSite {
  runId: string;
  activitySeq: number;
}

/** What one workflow's code projected into its ledger, as its replay showed: each event once, in seq order, and the last state handed with them. */
export interface CapturedProjection {
  events: AuditedEvent[];
  lastState: unknown;
  /** By seq, for events projected through a local activity. */
  localSites: ReadonlyMap<number, LocalProjectionSite>;
}

interface Entry {
  bySeq: Map<number, AuditedEvent>;
  localSites: Map<number, LocalProjectionSite>;
  lastState: unknown;
}

/**
 * Collects, per workflow id, the projections the audit interceptor reports during a replay.
 * Deduplicated by seq: a batch sent again (a retry, a run replayed twice) says the same events.
 */
export class ProjectionCapture {
  private readonly byWorkflow = new Map<string, Entry>();

  /** The sinks to hand the replay worker: called during replay, which is all an audit replay is. */
  sinks(): InjectedSinks<AuditProjectionSinks> {
    return {
      auditProjections: {
        projected: {
          fn: (info, _type, input, localSeq) =>
            this.add(info.workflowId, input, localSeq === undefined ? undefined : { runId: info.runId, activitySeq: localSeq }),
          callDuringReplay: true,
        },
      },
    };
  }

  add(workflowId: string, input: ProjectionInput, local?: LocalProjectionSite): void {
    const entry = this.byWorkflow.get(workflowId) ?? { bySeq: new Map(), localSites: new Map(), lastState: undefined };
    this.byWorkflow.set(workflowId, entry);
    // Only events not seen yet are copied, and the last state once, when read (of): a replay
    // hands the workflow's own objects (one reusable VM context), and its deciders replace the
    // state rather than change it, so the reference still says what was recorded.
    for (const e of input.events) {
      if (entry.bySeq.has(e.seq)) continue;
      // A copy as the JSON files hold it (undefined fields dropped), compared with them.
      entry.bySeq.set(e.seq, auditedEvent(JSON.parse(JSON.stringify(e)) as AuditedEvent));
      if (local) entry.localSites.set(e.seq, local);
    }
    entry.lastState = input.state;
  }

  of(workflowId: string): CapturedProjection | undefined {
    const entry = this.byWorkflow.get(workflowId);
    if (!entry) return undefined;
    return {
      events: [...entry.bySeq.values()].sort((a, b) => a.seq - b.seq),
      lastState: entry.lastState === undefined ? undefined : JSON.parse(JSON.stringify(entry.lastState)),
      localSites: entry.localSites,
    };
  }
}
