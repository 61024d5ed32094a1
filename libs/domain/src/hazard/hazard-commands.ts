import type { Actor } from '../actor';
import type { RectificationPlan } from './rectification-plan';

/** Everything a person can ask of a hazard after it is reported. */
export type HazardCommand =
  | { type: 'submit_plan'; actor: Actor; plan: RectificationPlan }
  | { type: 'report_progress'; actor: Actor; text: string; percentComplete?: number; attachments?: string[] }
  | { type: 'claim_completion'; actor: Actor; summary: string; attachments?: string[] }
  | { type: 'verify'; actor: Actor; decision: 'accept' | 'reject'; comment: string; effectEvaluation?: string }
  | { type: 'request_extension'; actor: Actor; requestedDeadline: string; reason: string }
  | { type: 'decide_extension'; actor: Actor; approve: boolean; reason: string }
  | { type: 'start_monitoring'; actor: Actor; measures: string; watchPerson: string }
  | { type: 'report_monitoring'; actor: Actor; text: string };

export type HazardCommandType = HazardCommand['type'];
