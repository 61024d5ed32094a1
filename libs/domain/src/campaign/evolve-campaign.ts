import type { WorkCalendarData } from '../time/work-calendar-data';
import type { Actor } from '../actor';
import type { CampaignLaunch } from './campaign-scope';
import type { CampaignState, NewCampaignEvent } from './campaign-state';
import { withExtension } from './decide-campaign';

/** The campaign's state at launch; the unit roster itself goes to the ledger, only its size stays. */
export function launchedCampaignState(launch: CampaignLaunch, launchedBy: Actor, calendar?: WorkCalendarData): CampaignState {
  const { units, ...scope } = launch.scope;
  return {
    campaignId: launch.campaignId,
    name: launch.name,
    template: launch.template,
    scope: { ...scope, unitCount: units.length },
    startsAt: launch.startsAt,
    launchedBy,
    status: 'running',
    phaseExtensions: {},
    ...(calendar ? { calendar } : {}),
    launchCursor: 0,
    addedUnits: [],
    removedUnitIds: [],
    lastSeq: 0,
  };
}

/** Applies one event to the campaign's state. */
export function evolveCampaign(s: CampaignState, event: NewCampaignEvent): CampaignState {
  switch (event.type) {
    case 'launched':
    case 'phase_started':
      return s;
    case 'units_enrolled':
      return { ...s, launchCursor: Math.max(s.launchCursor, event.data.to) };
    case 'paused':
      return { ...s, status: 'paused' };
    case 'resumed':
      return { ...s, status: 'running' };
    case 'phase_extended':
      return { ...s, phaseExtensions: withExtension(s, event.data.phaseId, event.data.by) };
    case 'unit_added':
      return { ...s, addedUnits: [...s.addedUnits, event.data.unit], removedUnitIds: s.removedUnitIds.filter((id) => id !== event.data.unit.unitId) };
    case 'unit_removed':
      return { ...s, removedUnitIds: [...s.removedUnitIds, event.data.unitId] };
    case 'closed':
      return { ...s, status: 'closed', closedAt: event.at };
    case 'task_added':
      return { ...s, tasks: [...(s.tasks ?? []), event.data.task] };
    case 'inspector_assigned': {
      const { inspectorId, inspectorName, unitIds } = event.data;
      const added = unitIds.map((unitId) => ({
        unitId,
        inspectorId,
        inspectorName,
        assignedBy: event.actor,
        assignedAt: event.at,
        reason: event.reason,
      }));
      return { ...s, inspectionAssignments: [...(s.inspectionAssignments ?? []), ...added] };
    }
    case 'inspector_unassigned': {
      const { inspectorId, unitIds } = event.data;
      const kept = (s.inspectionAssignments ?? []).filter((a) => a.inspectorId !== inspectorId || !unitIds.includes(a.unitId));
      return { ...s, inspectionAssignments: kept };
    }
  }
}
