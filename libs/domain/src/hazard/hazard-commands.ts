import type { Actor } from '../actor';
import type { CommandInput } from '../decider';
import type { ListingTracker } from './hazard-listing';
import type { ListingLevel } from './listing-level';
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
  | { type: 'report_monitoring'; actor: Actor; text: string }
  // 挂牌督办 by an office (or a raise of its level, or another tracker), and its 销号 after the sign-off.
  | { type: 'list_for_supervision'; actor: Actor; level: ListingLevel; tracker: ListingTracker; reason: string }
  | { type: 'delist'; actor: Actor; reason: string };

export type HazardCommandType = HazardCommand['type'];

// What a person fills in for each command (the API's request bodies); the actor comes from the credentials.
export type SubmitPlanArgs = CommandInput<HazardCommand, 'submit_plan'>;
export type ReportProgressArgs = CommandInput<HazardCommand, 'report_progress'>;
export type ClaimCompletionArgs = CommandInput<HazardCommand, 'claim_completion'>;
export type VerifyArgs = CommandInput<HazardCommand, 'verify'>;
export type RequestExtensionArgs = CommandInput<HazardCommand, 'request_extension'>;
export type DecideExtensionArgs = CommandInput<HazardCommand, 'decide_extension'>;
export type StartMonitoringArgs = CommandInput<HazardCommand, 'start_monitoring'>;
export type ReportMonitoringArgs = CommandInput<HazardCommand, 'report_monitoring'>;
export type ListHazardArgs = CommandInput<HazardCommand, 'list_for_supervision'>;
export type DelistHazardArgs = CommandInput<HazardCommand, 'delist'>;
