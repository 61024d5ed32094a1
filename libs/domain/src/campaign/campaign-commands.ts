import type { Actor } from '../actor';
import type { CommandInput } from '../decider';
import type { TimeSpan } from '../time/time-span';
import type { CampaignTaskSpec, TaskTargetUnit } from './campaign-task';
import type { ScopeUnit } from './campaign-scope';

/** The office's decisions on a running campaign; each says why. */
export type CampaignCommand =
  | { type: 'pause'; actor: Actor; reason: string }
  | { type: 'resume'; actor: Actor; reason: string }
  | { type: 'extend_phase'; actor: Actor; reason: string; phaseId: string; by: TimeSpan }
  | { type: 'add_unit'; actor: Actor; reason: string; unit: ScopeUnit }
  | { type: 'remove_unit'; actor: Actor; reason: string; unitId: string }
  | { type: 'close'; actor: Actor; reason: string }
  // `units`: the roster units the task targets, as the ledger knows them (resolved by the API from `task.unitIds` or the territory).
  | { type: 'add_task'; actor: Actor; reason: string; task: CampaignTaskSpec; units: TaskTargetUnit[] }
  | { type: 'assign_inspector'; actor: Actor; reason: string; inspectorId: string; inspectorName: string; units: TaskTargetUnit[] }
  | { type: 'unassign_inspector'; actor: Actor; reason: string; inspectorId: string; units: TaskTargetUnit[] };

export type CampaignCommandType = CampaignCommand['type'];

// What the office fills in (the API's request bodies); the actor comes from the credentials.
/** 暂停 / 恢复 / 结束 (pause, resume, close): only the reason. */
export type CampaignDecisionArgs = CommandInput<CampaignCommand, 'pause' | 'resume' | 'close'>;
export type ExtendCampaignPhaseArgs = CommandInput<CampaignCommand, 'extend_phase'>;
export type AddCampaignUnitArgs = CommandInput<CampaignCommand, 'add_unit'>;
export type RemoveCampaignUnitArgs = CommandInput<CampaignCommand, 'remove_unit'>;
export type AddCampaignTaskArgs = CommandInput<CampaignCommand, 'add_task'>;
export type AssignInspectorArgs = CommandInput<CampaignCommand, 'assign_inspector'>;
export type UnassignInspectorArgs = CommandInput<CampaignCommand, 'unassign_inspector'>;
