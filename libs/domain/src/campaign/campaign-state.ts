import type { Actor } from '../actor';
import type { Recorded } from '../decider';
import type { TimeSpan } from '../time/time-span';
import type { WorkCalendarData } from '../time/work-calendar-data';
import type { CampaignScope, ScopeUnit } from './campaign-scope';
import type { CampaignTask } from './campaign-task';
import type { InspectionAssignment } from './inspection-assignment';
import type { PhaseExtensions } from './campaign-schedule';
import type { CampaignTemplate } from './campaign-template';

export const CAMPAIGN_STATUSES = ['running', 'paused', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * The campaign workflow's own state. The unit roster is not kept here (a campaign may cover
 * thousands of units): it lives in the launch input, the units' own workflows and the ledger;
 * the campaign keeps only a cursor over the launch and the changes made since.
 */
export interface CampaignState {
  campaignId: string;
  name: string;
  template: CampaignTemplate;
  scope: Omit<CampaignScope, 'units'> & { unitCount: number };
  startsAt: string;
  launchedBy: Actor;
  status: CampaignStatus;
  phaseExtensions: PhaseExtensions;
  /**
   * The work calendar (工作日历) the schedule and every working-day deadline are counted on, handed
   * over at launch; absent in campaigns launched before calendars were data (Monday–Friday).
   */
  calendar?: WorkCalendarData;
  /** How many of the launch scope's units have their workflow started. */
  launchCursor: number;
  addedUnits: ScopeUnit[];
  removedUnitIds: string[];
  closedAt?: string;
  /** Tasks offices added below the template (比照落实); absent in campaigns from before tasks. */
  tasks?: CampaignTask[];
  /** 检查组分工: inspectors assigned to units; absent in campaigns from before assignments. */
  inspectionAssignments?: InspectionAssignment[];
  lastSeq: number;
}

export type CampaignEventBody =
  | { type: 'launched'; data: { templateId: string; unitCount: number; startsAt: string; calendarVersion?: string } }
  | { type: 'units_enrolled'; data: { from: number; to: number } }
  | { type: 'paused'; data: Record<string, never> }
  | { type: 'resumed'; data: Record<string, never> }
  | { type: 'phase_extended'; data: { phaseId: string; by: TimeSpan; newEndsAt: string; calendarVersion?: string } }
  | { type: 'unit_added'; data: { unit: ScopeUnit } }
  | { type: 'unit_removed'; data: { unitId: string } }
  | { type: 'phase_started'; data: { phaseId: string } }
  | { type: 'closed'; data: Record<string, never> }
  | { type: 'task_added'; data: { task: CampaignTask } }
  | { type: 'inspector_assigned'; data: { inspectorId: string; inspectorName: string; unitIds: string[] } }
  | { type: 'inspector_unassigned'; data: { inspectorId: string; unitIds: string[] } };

export type NewCampaignEvent = CampaignEventBody & { at: string; actor: Actor; reason: string };
/** The ids every recorded campaign event carries. */
export type CampaignStreamIds = { campaignId: string };
export type CampaignEvent = Recorded<NewCampaignEvent, CampaignStreamIds>;
