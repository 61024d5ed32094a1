import type { Actor } from '../actor';
import type { Recorded } from '../decider';
import type { EscalationInstrument } from '../hazard/escalation-instrument';
import type { ScopeUnit } from './campaign-scope';
import type { UnitTask } from './campaign-task';
import type { AssignedInspector } from './inspection-assignment';
import type { ReportFiling } from './unit-commands';

/** What happened to one unit in one campaign; each event names who, when and why. */
export type UnitEventBody =
  // calendarVersion: the work calendar the unit's deadlines are counted on (absent = Monday–Friday, before calendars were data).
  | { type: 'enrolled'; data: { unit: ScopeUnit; calendarVersion?: string } }
  | { type: 'report_submitted'; data: ReportFiling & { onTime: boolean } }
  | { type: 'obligation_missed'; data: { obligationId: string; dueAt: string; calendarVersion?: string } }
  | { type: 'escalated'; data: { stepId: string; instrument: EscalationInstrument; missedCount: number } }
  | { type: 'inspection_recorded'; data: { tierId: string; checkItemIds: string[]; note: string } }
  | { type: 'finding_recorded'; data: { hazardId: string; title: string; grade: string } }
  | { type: 'paused'; data: Record<string, never> }
  | { type: 'resumed'; data: Record<string, never> }
  | { type: 'removed'; data: Record<string, never> }
  | { type: 'closed'; data: Record<string, never> }
  | { type: 'task_assigned'; data: { task: UnitTask } }
  | { type: 'inspector_assigned'; data: { inspector: AssignedInspector } }
  | { type: 'inspector_unassigned'; data: { inspectorId: string } };

export type UnitEventType = UnitEventBody['type'];
export type NewUnitEvent = UnitEventBody & { at: string; actor: Actor; reason: string };
/** The ids every recorded unit event carries. */
export type UnitStreamIds = { campaignId: string; unitId: string };
export type UnitEvent = Recorded<NewUnitEvent, UnitStreamIds>;
