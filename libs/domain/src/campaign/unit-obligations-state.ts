import type { Actor } from '../actor';
import type { EscalationInstrument } from '../hazard/escalation-instrument';
import type { ScopeUnit } from './campaign-scope';
import type { UnitTask } from './campaign-task';
import type { AssignedInspector } from './inspection-assignment';

export const UNIT_CAMPAIGN_STATUSES = ['active', 'paused', 'removed', 'closed'] as const;
export type UnitCampaignStatus = (typeof UNIT_CAMPAIGN_STATUSES)[number];

/** What a unit has done in a campaign: the inputs of its assessment (考核). */
export interface UnitCounters {
  /** Obligations that have come due while the unit was active. */
  due: number;
  onTime: number;
  late: number;
  missed: number;
  zeroReports: number;
  inspections: number;
  findings: number;
}

export interface UnitEscalationRecord {
  stepId: string;
  instrument: EscalationInstrument;
  missedCount: number;
  at: string;
  reason: string;
}

/**
 * One unit's obligations in one campaign (the state of its child workflow). Submissions are
 * keyed by obligation id so a resubmission or a retried update never counts twice.
 */
export interface UnitObligationsState {
  campaignId: string;
  unit: ScopeUnit;
  status: UnitCampaignStatus;
  enrolledAt: string;
  /** The version of the work calendar its deadlines are counted on; absent = Monday–Friday (enrolled before calendars were data). */
  calendarVersion?: string;
  /** Obligations due at or before this instant have been settled (submitted or missed). */
  settledUntil: string;
  submissions: Record<string, { at: string; onTime: boolean; zero: boolean; by: Actor }>;
  /** Missed obligation ids still open for a late submission. */
  missedOpen: string[];
  counters: UnitCounters;
  escalations: UnitEscalationRecord[];
  hazardIds: string[];
  /** Tasks offices added for this unit (比照落实), owed like deliverables; absent before tasks. */
  tasks?: UnitTask[];
  /** 检查组分工: the inspectors assigned to this unit; absent or empty = any inspector. */
  inspectors?: AssignedInspector[];
  lastSeq: number;
}
