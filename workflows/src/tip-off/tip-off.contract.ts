import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  AccidentPolicy,
  Actor,
  CommandArgs,
  ConcealmentKind,
  RecentUpdate,
  TipOff,
  TipOffCommand,
  TipOffEvent,
  TipOffPolicy,
  TipOffState,
  TipOffVerification,
} from '@duban/domain';

/**
 * The tip-off workflow's contract (举报核查): its input, updates, queries and the activities it
 * calls. Imported by the worker, the API and the tests; nobody else spells these names.
 */
export { tipOffWorkflowId } from '@duban/domain';

export interface TipOffWorkflowInput {
  tip: TipOff;
  receiver: Actor;
  policy: TipOffPolicy;
  /** The accident policy a record opened from this tip is kept under (chosen at intake, so replay never changes it). */
  accidentPolicy: AccidentPolicy;
  /** Set when continuing as new: the state carried over (history stays bounded). */
  carriedState?: TipOffState;
  /** Set when continuing as new: the keyed updates answered lately (update-memory.ts). */
  carriedUpdates?: RecentUpdate[];
}

/** What every accepted update answers: the events it recorded and the state after them. */
export interface TipOffUpdateResult {
  events: TipOffEvent[];
  state: TipOffState;
}

// An update with a validator, not a signal: the office learns at once whether its verification was accepted.
export const verifyTipOffUpdate = defineUpdate<TipOffUpdateResult, [CommandArgs<TipOffCommand, 'verify'>]>('verifyTipOff');
/** Answers once the intake is in the ledger: lets the API create with read-your-writes (update-with-start). */
export const awaitTipOffRegisteredUpdate = defineUpdate<TipOffUpdateResult, []>('awaitTipOffRegistered');

export const tipOffStateQuery = defineQuery<TipOffState>('tipOffState');

/** The tip-off workflow's I/O (each must be idempotent). */
export interface TipOffActivities {
  /** Projects the tip's events into the PostgreSQL tip-off ledger. */
  recordTipOffEvents(input: { events: TipOffEvent[]; state: TipOffState }): Promise<void>;
  /** Records a verified tip on an accident already on record (its `recordTipOff` update); answers the flags the accident raised from it. */
  recordTipOffOnAccident(input: { accidentId: string; actor: Actor; tip: TipOff; verification: TipOffVerification }): Promise<{
    concealment: ConcealmentKind[];
  }>;
}
