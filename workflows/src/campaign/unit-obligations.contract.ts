import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  Actor,
  AssignedInspector,
  CampaignPlan,
  CampaignSchedule,
  CommandArgs,
  Obligation,
  PhaseExtensions,
  RecentUpdate,
  RecordFindingArgs,
  ScopeUnit,
  UnitCommand,
  UnitEvent,
  UnitObligationsState,
  UnitTask,
} from '@duban/domain';

/** One responsible unit's obligations in one campaign (责任单位任务), a child of the campaign workflow. */
export { unitObligationsWorkflowId } from '@duban/domain';
/** The campaign's plan as a unit needs it, loaded by activity so thousands of children carry only ids. */
export type { CampaignPlan };

export interface UnitObligationsInput {
  campaignId: string;
  unit: ScopeUnit;
  enrolledBy: Actor;
  /** Enrolled while the campaign is paused. */
  paused?: boolean;
  /** Offices' tasks (比照落实) that already bind the unit when it starts; absent when none. */
  tasks?: UnitTask[];
  /** 检查组分工: inspectors already assigned to the unit when it starts; absent when none. */
  inspectors?: AssignedInspector[];
  carriedState?: UnitObligationsState;
  /** Set when continuing as new: the keyed updates answered lately, so a retry is still recognised (update-memory.ts). */
  carriedUpdates?: RecentUpdate[];
}

/** Fire-and-forget control from the campaign to its units: the campaign records the decision itself. */
export type UnitControl =
  | { type: 'pause'; actor: Actor; reason: string }
  | { type: 'resume'; actor: Actor; reason: string }
  | { type: 'phases_changed'; actor: Actor; reason: string; phaseExtensions: PhaseExtensions }
  | { type: 'remove'; actor: Actor; reason: string }
  | { type: 'close'; actor: Actor; reason: string }
  | { type: 'task_assigned'; actor: Actor; reason: string; task: UnitTask }
  | { type: 'inspector_assigned'; actor: Actor; reason: string; inspector: AssignedInspector }
  | { type: 'inspector_unassigned'; actor: Actor; reason: string; inspectorId: string };

export const unitControlSignal = defineSignal<[UnitControl]>('unitControl');

export interface UnitView {
  state: UnitObligationsState;
  schedule: CampaignSchedule;
  /** Obligations due and not yet submitted (including missed ones still open for late submission). */
  open: Obligation[];
  nextDue?: Obligation;
}

/**
 * What an accepted update answers: small on purpose, because Temporal keeps every update's
 * result in the history, and a unit files a report a day for months.
 */
export interface UnitSummary {
  state: Pick<UnitObligationsState, 'campaignId' | 'unit' | 'status' | 'counters' | 'missedOpen' | 'lastSeq'> & { escalationCount: number };
  nextDue?: Obligation;
}

export interface UnitUpdateResult {
  events: UnitEvent[];
  view: UnitSummary;
}

// An update carries its domain command's fields (the command without its `type`).
export const submitReportUpdate = defineUpdate<UnitUpdateResult, [CommandArgs<UnitCommand, 'submit_report'>]>('submitReport');
export const recordInspectionUpdate = defineUpdate<UnitUpdateResult, [CommandArgs<UnitCommand, 'record_inspection'>]>('recordInspection');
/** A finding becomes a hazard in the hazard ledger, linked to the campaign and unit; the workflow draws its id. */
export const recordFindingUpdate = defineUpdate<UnitUpdateResult & { hazardId: string }, [RecordFindingArgs & { actor: Actor }]>('recordFinding');

export const unitViewQuery = defineQuery<UnitView>('unitView');

export interface UnitObligationsActivities {
  loadCampaignPlan(input: { campaignId: string }): Promise<CampaignPlan>;
  recordUnitEvents(input: { events: UnitEvent[]; state: UnitObligationsState }): Promise<void>;
}
