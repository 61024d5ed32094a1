import type { Actor } from '../actor';
import { forbidden } from '../rejection';

/**
 * 检查组分工: the office assigns inspectors (by account id, with their name) to roster units of a
 * campaign. Once a unit has an assignment, only an assigned inspector records inspections and
 * findings on it; a unit without one is open to every inspector (and the office and the unit
 * itself are never bound by it).
 */
export interface AssignedInspector {
  inspectorId: string;
  name: string;
}

/** One inspector on one unit, as the campaign records it: who assigned, when and why. */
export interface InspectionAssignment {
  unitId: string;
  inspectorId: string;
  inspectorName: string;
  assignedBy: Actor;
  assignedAt: string;
  reason: string;
}

/** Refuses (403 `permission.not_assigned_inspector`) an inspector not among a unit's assigned ones, once it has any. */
export function authorizeAssignedInspector(
  assigned: readonly Pick<AssignedInspector, 'inspectorId'>[] | undefined,
  actor: Actor,
  unitId: string,
): void {
  if (actor.role !== 'inspector' || !assigned || assigned.length === 0) return;
  if (assigned.some((a) => a.inspectorId === actor.id)) return;
  throw forbidden(
    'permission.not_assigned_inspector',
    `inspector ${actor.id} is not assigned to unit ${unitId} (检查组分工); its inspections are for ${assigned.map((a) => a.inspectorId).join(', ')}`,
  );
}
