import type { ScopeUnit } from './campaign-scope';
import type { NewUnitEvent } from './unit-obligations-events';
import type { UnitObligationsState } from './unit-obligations-state';

/** A unit's state at enrolment: obligations due before it joined are not its to answer for. */
export function enrolledUnitState(campaignId: string, unit: ScopeUnit, at: string, paused: boolean): UnitObligationsState {
  return {
    campaignId,
    unit,
    status: paused ? 'paused' : 'active',
    enrolledAt: at,
    settledUntil: at,
    submissions: {},
    missedOpen: [],
    counters: { due: 0, onTime: 0, late: 0, missed: 0, zeroReports: 0, inspections: 0, findings: 0 },
    escalations: [],
    hazardIds: [],
    lastSeq: 0,
  };
}

/** Applies one event to a unit's state. Pure: the workflow and any replay of the log agree. */
export function evolveUnit(s: UnitObligationsState, event: NewUnitEvent): UnitObligationsState {
  const c = s.counters;
  switch (event.type) {
    case 'enrolled':
      return event.data.calendarVersion ? { ...s, calendarVersion: event.data.calendarVersion } : s;
    case 'report_submitted': {
      const { obligationId, onTime, zero } = event.data;
      const wasMissed = s.missedOpen.includes(obligationId);
      return {
        ...s,
        submissions: { ...s.submissions, [obligationId]: { at: event.at, onTime, zero, by: event.actor } },
        missedOpen: wasMissed ? s.missedOpen.filter((id) => id !== obligationId) : s.missedOpen,
        counters: {
          ...c,
          // An obligation counts as due once: when met on time, or when missed (a late report then adds `late`).
          due: c.due + (onTime ? 1 : wasMissed ? 0 : 1),
          onTime: c.onTime + (onTime ? 1 : 0),
          late: c.late + (onTime ? 0 : 1),
          zeroReports: c.zeroReports + (zero ? 1 : 0),
        },
      };
    }
    case 'obligation_missed':
      return { ...s, missedOpen: [...s.missedOpen, event.data.obligationId], counters: { ...c, due: c.due + 1, missed: c.missed + 1 } };
    case 'escalated':
      return { ...s, escalations: [...s.escalations, { ...event.data, at: event.at, reason: event.reason }] };
    case 'inspection_recorded':
      return { ...s, counters: { ...c, inspections: c.inspections + 1 } };
    case 'finding_recorded':
      return { ...s, hazardIds: [...s.hazardIds, event.data.hazardId], counters: { ...c, findings: c.findings + 1 } };
    case 'paused':
      return { ...s, status: 'paused' };
    case 'resumed':
      // Obligations that fell due during the pause are not owed.
      return { ...s, status: 'active', settledUntil: event.at > s.settledUntil ? event.at : s.settledUntil };
    case 'removed':
      return { ...s, status: 'removed' };
    case 'closed':
      return { ...s, status: 'closed' };
    case 'task_assigned':
      return { ...s, tasks: [...(s.tasks ?? []), event.data.task] };
    case 'inspector_assigned':
      return { ...s, inspectors: [...(s.inspectors ?? []), event.data.inspector] };
    case 'inspector_unassigned':
      return { ...s, inspectors: (s.inspectors ?? []).filter((i) => i.inspectorId !== event.data.inspectorId) };
  }
}
