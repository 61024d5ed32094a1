import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  Actor,
  CampaignCommand,
  CampaignEvent,
  CampaignLaunch,
  CampaignSchedule,
  CampaignState,
  CommandArgs,
  HazardPolicy,
  PhaseWindow,
  RecentUpdate,
  ScopeUnit,
  WorkCalendarData,
} from '@duban/domain';
import type { UnitControl, UnitObligationsInput } from './unit-obligations.contract';

/**
 * The campaign workflow's contract (专项行动): one workflow per campaign, one child workflow
 * per responsible unit (see unit-obligations.contract.ts).
 */
export { campaignWorkflowId } from '@duban/domain';

export interface CampaignWorkflowInput {
  /** The launch as the office asked for it; its unit roster is moved to the ledger at once. */
  launch?: CampaignLaunch;
  launchedBy?: Actor;
  hazardPolicy?: HazardPolicy;
  /**
   * The work calendar (工作日历) the schedule and deadlines are counted on, resolved by the API (never
   * read here); kept in the state, so it survives continue-as-new. Absent in older histories (Monday–Friday).
   */
  calendar?: WorkCalendarData;
  /** Set when continuing as new (history stays bounded over thousands of units). */
  carriedState?: CampaignState;
  /** Set when continuing as new: the keyed updates answered lately, so a retry is still recognised (update-memory.ts). */
  carriedUpdates?: RecentUpdate[];
}

export interface CampaignView {
  state: CampaignState;
  schedule: CampaignSchedule;
  currentPhase?: PhaseWindow;
  /** Units whose workflows have started (of state.scope.unitCount + added). */
  unitsLaunched: number;
}

export interface CampaignUpdateResult {
  events: CampaignEvent[];
  view: CampaignView;
}

// An update carries its domain command's fields (the command without its `type`); every decision
// on a campaign names who made it and why.
export type WithReason = CommandArgs<CampaignCommand, 'pause'>;
export type ExtendPhaseArgs = CommandArgs<CampaignCommand, 'extend_phase'>;
export type AddUnitArgs = CommandArgs<CampaignCommand, 'add_unit'>;
export type RemoveUnitArgs = CommandArgs<CampaignCommand, 'remove_unit'>;
export type AddTaskArgs = CommandArgs<CampaignCommand, 'add_task'>;
export type AssignInspectorArgs = CommandArgs<CampaignCommand, 'assign_inspector'>;
export type UnassignInspectorArgs = CommandArgs<CampaignCommand, 'unassign_inspector'>;

export const pauseCampaignUpdate = defineUpdate<CampaignUpdateResult, [CommandArgs<CampaignCommand, 'pause'>]>('pauseCampaign');
export const resumeCampaignUpdate = defineUpdate<CampaignUpdateResult, [CommandArgs<CampaignCommand, 'resume'>]>('resumeCampaign');
export const extendPhaseUpdate = defineUpdate<CampaignUpdateResult, [ExtendPhaseArgs]>('extendPhase');
export const addUnitUpdate = defineUpdate<CampaignUpdateResult, [AddUnitArgs]>('addUnit');
export const removeUnitUpdate = defineUpdate<CampaignUpdateResult, [RemoveUnitArgs]>('removeUnit');
/**
 * 下达本级任务 (比照落实): an office's own task for roster units in its territory; validated by the
 * campaign decider before it is recorded (a refusal leaves no trace), idempotent by taskId.
 */
export const addTaskUpdate = defineUpdate<CampaignUpdateResult, [AddTaskArgs]>('addTask');
/** 检查组分工: assign an inspector to roster units, or remove the assignment; validated like every decision. */
export const assignInspectorUpdate = defineUpdate<CampaignUpdateResult, [AssignInspectorArgs]>('assignInspector');
export const unassignInspectorUpdate = defineUpdate<CampaignUpdateResult, [UnassignInspectorArgs]>('unassignInspector');
export const closeCampaignUpdate = defineUpdate<CampaignUpdateResult, [CommandArgs<CampaignCommand, 'close'>]>('closeCampaign');
/** Answers once the campaign is in the ledger (update-with-start from the API). */
export const awaitCampaignRegisteredUpdate = defineUpdate<CampaignView, []>('awaitCampaignRegistered');

export const campaignViewQuery = defineQuery<CampaignView>('campaignView');

/** The campaign workflow's I/O, all idempotent (activities may be retried). */
export interface CampaignActivities {
  recordCampaignEvents(input: {
    events: CampaignEvent[];
    state: CampaignState;
    schedule: CampaignSchedule;
    hazardPolicy: HazardPolicy;
  }): Promise<void>;
  /** Writes the roster into the ledger (insert-or-ignore); returns how many units it holds. */
  saveCampaignRoster(input: { campaignId: string; units: ScopeUnit[] }): Promise<number>;
  /** A page of the roster in a stable order, for launching unit workflows in batches. */
  loadRosterPage(input: { campaignId: string; offset: number; limit: number }): Promise<ScopeUnit[]>;
  /**
   * Starts the units' obligations workflows on `taskQueue` through the client, many at once (a
   * unit already started, by this call's earlier attempt or before, is left as it is); returns
   * how many it started. Each start goes to the unit's own history shard, not through the
   * campaign's history as a child start does.
   */
  startUnits(input: { taskQueue: string; units: UnitObligationsInput[] }): Promise<number>;
  /** Signals every unit workflow of the campaign (or the listed ones); returns how many were signalled. */
  signalUnits(input: { campaignId: string; control: UnitControl; unitIds?: string[] }): Promise<number>;
  /** Waits (heartbeating) until no unit of the campaign is still active or paused; returns the status counts. */
  awaitUnitsSettled(input: { campaignId: string }): Promise<Record<string, number>>;
}
