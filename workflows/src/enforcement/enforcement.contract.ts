import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type {
  Actor,
  CommandArgs,
  EnforcementCaseFiling,
  EnforcementCaseState,
  EnforcementCommand,
  EnforcementCommandType,
  EnforcementEvent,
  EnforcementPolicy,
  RecentUpdate,
} from '@duban/domain';

/**
 * The enforcement case workflow's contract (执法案件: 四个一律, 复工复产, 行刑衔接): its input,
 * updates, query and the activity it calls. Imported by the worker, the API and the tests;
 * nobody else spells these names.
 */
export { enforcementCaseWorkflowId } from '@duban/domain';

export interface EnforcementCaseWorkflowInput {
  filing: EnforcementCaseFiling;
  opener: Actor;
  /** Chosen when the case opens, so replay never changes it. */
  policy: EnforcementPolicy;
  /** Set when continuing as new: the state carried over (history stays bounded). */
  carriedState?: EnforcementCaseState;
  /** Set when continuing as new: the keyed updates answered lately (update-memory.ts). */
  carriedUpdates?: RecentUpdate[];
}

/** What every accepted update answers: the events it recorded and the state after them. */
export interface EnforcementUpdateResult {
  events: EnforcementEvent[];
  state: EnforcementCaseState;
}

export type EnforcementUpdate<T extends EnforcementCommandType> = UpdateDefinition<EnforcementUpdateResult, [CommandArgs<EnforcementCommand, T>]>;

/**
 * One update per command a person can give the case, by command type: the workflow registers
 * each, the API sends each. Updates with validators, not signals: the caller learns at once
 * whether it was accepted, and a refused one leaves no trace in the history.
 */
export const ENFORCEMENT_COMMAND_UPDATES: { [T in EnforcementCommandType]: EnforcementUpdate<T> } = {
  add_respondent: defineUpdate('addRespondent'),
  record_violation: defineUpdate('recordViolation'),
  flag_criminal: defineUpdate('flagCriminal'),
  impose_suspension: defineUpdate('imposeSuspension'),
  impose_fine: defineUpdate('imposeFine'),
  refer_to_judiciary: defineUpdate('referToJudiciary'),
  record_referral_outcome: defineUpdate('recordReferralOutcome'),
  impose_closure: defineUpdate('imposeClosure'),
  file_rectification: defineUpdate('fileRectification'),
  record_resumption_inspection: defineUpdate('recordResumptionInspection'),
  sign_resumption: defineUpdate('signResumption'),
  record_supervision_check: defineUpdate('recordSupervisionCheck'),
  close_case: defineUpdate('closeCase'),
};

/** Answers once the opening is in the ledger: lets the API create with read-your-writes (update-with-start). */
export const awaitEnforcementRegisteredUpdate = defineUpdate<EnforcementUpdateResult, []>('awaitEnforcementRegistered');

export const enforcementStateQuery = defineQuery<EnforcementCaseState>('enforcementState');

/** The activity the workflow uses to write the PostgreSQL enforcement ledger (must be idempotent). */
export interface EnforcementActivities {
  recordEnforcementEvents(input: { events: EnforcementEvent[]; state: EnforcementCaseState }): Promise<void>;
}
