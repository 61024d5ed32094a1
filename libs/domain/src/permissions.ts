import { ROLES, type Actor, type Role } from './actor';
import { forbidden } from './rejection';

/**
 * Who may do what to one kind of aggregate (a hazard, a campaign, a campaign template …): one
 * table per aggregate, all of this one shape, all read by `authorize`.
 *
 * Every action and read passes four layers, in this order:
 *  1. Role check: the API's `@Permit(table, action)` guard calls `authorize` without a unit, so
 *     a role the table does not list is refused (403) before anything is looked up.
 *  2. 404 before 403: the API looks the object up (the hazard, the unit on the campaign's
 *     roster); a missing one is a 404 before any question of whose it is.
 *  3. Object check: `authorize` again with the object's unit (the API's `authorizeOn`, or
 *     `ownUnitScope` for a list): a unit acts on its own unit's objects only (403).
 *  4. Re-check in the workflow: the decider calls `authorize` with the state it holds, so an
 *     action that bypasses the API, or races a change, is still refused.
 */
export interface PermissionRule {
  /** The roles that may; any other is refused with `why`. */
  roles: ReadonlyArray<Actor['role']>;
  /** A unit may do it only to its own unit's objects. */
  ownUnitOnly: boolean;
  /** Why only these roles, for the refusal. */
  why: string;
}

export interface PermissionTable<A extends string> {
  rules: Readonly<Record<A, PermissionRule>>;
  /** For the refusal of another unit's object: "may act only on its own <ownObjects>; <otherObject> <unitId>". */
  ownObjects: string;
  otherObject: string;
}

/**
 * Throws a `forbidden` rejection that says why; returns quietly when the actor may. `unitId` is
 * the unit of the object acted on; without it only the role is checked (layer 1).
 */
export function authorize<A extends string>(table: PermissionTable<A>, action: A, actor: Actor, unitId?: string): void {
  const rule = table.rules[action];
  if (!rule.roles.includes(actor.role))
    throw forbidden('permission.role_not_allowed', `${actor.role} may not ${action.replace(/_/g, ' ')}: ${rule.why}`);
  if (unitId !== undefined && actor.role === 'unit' && rule.ownUnitOnly && actor.unitId !== unitId) {
    throw forbidden(
      'permission.own_unit_only',
      `unit ${actor.unitId ?? '(none)'} may act only on its own ${table.ownObjects}; ${table.otherObject} ${unitId}`,
    );
  }
}

/** The roles (in ROLES order) the table lets do `action`, on their own unit's objects where that applies. */
export function rolesAllowed<A extends string>(table: PermissionTable<A>, action: A): Role[] {
  return ROLES.filter((role) => table.rules[action].roles.includes(role));
}

/**
 * The unit a read over many objects is confined to: a unit actor's own (naming another unit is
 * refused in the table's words); for every other role, the unit asked for, if any.
 */
export function ownUnitScope<A extends string>(
  table: PermissionTable<A>,
  action: A,
  actor: Actor,
  requested: string | undefined,
): string | undefined {
  if (actor.role !== 'unit') return requested;
  if (requested !== undefined) authorize(table, action, actor, requested);
  return actor.unitId;
}
