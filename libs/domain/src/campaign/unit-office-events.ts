import type { Actor } from '../actor';
import type { UnitTask } from './campaign-task';
import type { AssignedInspector } from './inspection-assignment';
import type { NewUnitEvent } from './unit-obligations-events';
import type { UnitObligationsState } from './unit-obligations-state';

/**
 * What a unit records when the campaign hands it an office's task or an inspector assignment.
 * Each may arrive twice (a signal at enrolment and one from the decision): the second records nothing.
 * A unit that has left the campaign takes neither.
 */
type Base = { at: string; actor: Actor; reason: string };

const isOpen = (state: UnitObligationsState) => state.status === 'active' || state.status === 'paused';

export function taskAssignedEvents(state: UnitObligationsState, task: UnitTask, base: Base): NewUnitEvent[] {
  if (!isOpen(state) || (state.tasks ?? []).some((t) => t.taskId === task.taskId)) return [];
  return [{ ...base, type: 'task_assigned', data: { task } }];
}

export function inspectorAssignedEvents(state: UnitObligationsState, inspector: AssignedInspector, base: Base): NewUnitEvent[] {
  if (!isOpen(state) || (state.inspectors ?? []).some((i) => i.inspectorId === inspector.inspectorId)) return [];
  return [{ ...base, type: 'inspector_assigned', data: { inspector } }];
}

export function inspectorUnassignedEvents(state: UnitObligationsState, inspectorId: string, base: Base): NewUnitEvent[] {
  if (!isOpen(state) || !(state.inspectors ?? []).some((i) => i.inspectorId === inspectorId)) return [];
  return [{ ...base, type: 'inspector_unassigned', data: { inspectorId } }];
}
