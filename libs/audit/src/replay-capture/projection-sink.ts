import type { Sinks } from '@temporalio/workflow';

/** The projection activities every workflow records its ledger through (recordHazardEvents, recordUnitEvents …). */
export const PROJECTION_ACTIVITY = /^record\w*Events$/;

/** The projections that hand a state and no events (an accountability action's row: recordAccountabilityAction(state)). */
export const STATE_PROJECTION_ACTIVITY = /^recordAccountabilityAction$/;

/** What a projection activity is handed: the new events and the state after them (the campaign's adds its schedule). */
export interface ProjectionInput {
  events: Array<{ seq: number } & Record<string, unknown>>;
  state: unknown;
}

/**
 * The sink the audit interceptor hands every projection to: called in the workflow sandbox, run
 * by the replay worker (with the workflow's id and run) — the one way to see a local activity's
 * input, which the history does not keep (only a marker with its result).
 */
export interface AuditProjectionSinks extends Sinks {
  /** `localSeq`: set when projected through a local activity, its sequence number (its marker's `seq`). */
  auditProjections: { projected(activityType: string, input: ProjectionInput, localSeq?: number): void };
}
