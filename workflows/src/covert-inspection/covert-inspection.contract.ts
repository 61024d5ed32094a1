import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type {
  Actor,
  CommandArgs,
  CovertInspectionCommand,
  CovertInspectionCommandType,
  CovertInspectionEvent,
  CovertInspectionPlan,
  CovertInspectionPolicy,
  CovertInspectionState,
  CovertHazardPlace,
  RecentUpdate,
  WorkCalendarData,
} from '@duban/domain';

/**
 * The covert inspection workflow's contract (明察暗访: 不打招呼、随机抽查, 现场整改指令, 反馈签收):
 * its input, updates, query and the activity it calls. Imported by the worker, the API and the
 * tests; nobody else spells these names.
 */
export { covertInspectionWorkflowId } from '@duban/domain';

export interface CovertInspectionWorkflowInput {
  /** The plan with its seed and the candidates in scope: the sample is drawn from it, again on replay. */
  plan: CovertInspectionPlan;
  planner: Actor;
  /** Chosen when it is planned, so replay never changes it. */
  policy: CovertInspectionPolicy;
  /** Set when continuing as new: the state carried over (history stays bounded). */
  carriedState?: CovertInspectionState;
  /** Set when continuing as new: the keyed updates answered lately (update-memory.ts). */
  carriedUpdates?: RecentUpdate[];
}

/** What every accepted update answers: the events it recorded and the state after them. */
export interface CovertInspectionUpdateResult {
  events: CovertInspectionEvent[];
  state: CovertInspectionState;
}

export type CovertInspectionUpdate<T extends CovertInspectionCommandType> = UpdateDefinition<
  CovertInspectionUpdateResult,
  [CommandArgs<CovertInspectionCommand, T>]
>;

/**
 * One update per command a person can give the inspection, by command type: the workflow
 * registers each, the API sends each. Updates with validators, not signals: the caller learns at
 * once whether it was accepted, and a refused one leaves no trace in the history.
 */
export const COVERT_INSPECTION_COMMAND_UPDATES: { [T in CovertInspectionCommandType]: CovertInspectionUpdate<T> } = {
  record_finding: defineUpdate('recordCovertFinding'),
  issue_rectification_order: defineUpdate('issueCovertRectificationOrder'),
  acknowledge_feedback: defineUpdate('acknowledgeCovertFeedback'),
  complete: defineUpdate('completeCovertInspection'),
};

/** Answers once the plan is in the ledger: lets the API create with read-your-writes (update-with-start). */
export const awaitCovertInspectionRegisteredUpdate = defineUpdate<CovertInspectionUpdateResult, []>('awaitCovertInspectionRegistered');

export const covertInspectionStateQuery = defineQuery<CovertInspectionState>('covertInspectionState');

/** The patch under which each ordered finding becomes a hazard in the hazard ledger (histories before it opened none). */
export const COVERT_FINDINGS_OPEN_HAZARDS_PATCH = 'covert-findings-open-hazards';

/** What a finding's hazard needs from outside the workflow: the registry's word on the unit, and the calendar it counts on. */
export interface CovertHazardUnit {
  place: CovertHazardPlace;
  /** The work calendar (工作日历) as the API resolves it for a hazard reported now. */
  calendar: WorkCalendarData;
}

/** The activities the workflow uses: writing the PostgreSQL covert-inspection ledger (must be idempotent), and reading the registry. */
export interface CovertInspectionActivities {
  recordCovertInspectionEvents(input: { events: CovertInspectionEvent[]; state: CovertInspectionState }): Promise<void>;
  /** The inspected unit as a finding's hazard reports it; null when the registry has no such unit (or it is retired). */
  readUnitForCovertHazard(input: { unitId: string }): Promise<CovertHazardUnit | null>;
}
