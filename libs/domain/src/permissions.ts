import { ROLES, type Actor, type Role } from './actor';
import { forbidden } from './rejection';
import { authorizeIndustry } from './scope/industry-scope';
import { describePlace, type Place } from './scope/place';
import { authorizeTerritory } from './scope/territory';

/**
 * Who may do what to one kind of aggregate (a hazard, a campaign, a campaign template …): one
 * table per aggregate, all of this one shape, all read by `authorize`.
 *
 * Every action and read passes four layers, in this order:
 *  1. Role check: the API's `@Permit(table, action)` guard calls `authorize` without a unit, so
 *     a role the table does not list is refused (403) before anything is looked up.
 *  2. 404 before 403: the API looks the object up (the hazard, the unit on the campaign's
 *     roster); a missing one is a 404 before any question of whose it is.
 *  3. Object check: `authorize` again with the object's place (the API's `authorizeOn`, or
 *     `listBounds` for a list): a unit acts on its own unit's objects only, a department reads
 *     within its industry, and an account that names a region acts within that territory (403
 *     saying which scope it lacks: libs/domain/src/scope).
 *  4. Re-check in the workflow: the decider calls `authorize` with the state it holds, so an
 *     action that bypasses the API, or races a change, is still refused.
 */
export interface PermissionRule {
  /** The roles that may; any other is refused with `why`. */
  roles: ReadonlyArray<Actor['role']>;
  /** A unit may do it only to its own unit's objects. */
  ownUnitOnly: boolean;
  /** A department (a unit account naming an industry) may also do it to the units of its industry within its territory (行业监管). */
  industryWide?: boolean;
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
 * Throws a `forbidden` rejection that says why; returns quietly when the actor may. `object` is
 * the object acted on: its unit's id (the role and own-unit checks, what a workflow knows), or
 * its place in the registry (also territory and industry, what the API looks up); without it
 * only the role is checked (layer 1).
 */
export function authorize<A extends string>(table: PermissionTable<A>, action: A, actor: Actor, object?: string | Place): void {
  const rule = table.rules[action];
  if (!rule.roles.includes(actor.role))
    throw forbidden('permission.role_not_allowed', `${actor.role} may not ${action.replace(/_/g, ' ')}: ${rule.why}`);
  if (object === undefined) return;
  const place = typeof object === 'string' ? undefined : object;
  const unitId = typeof object === 'string' ? object : object.unitId;
  if (actor.role === 'unit' && actor.unitId === unitId) return;
  if (actor.role === 'unit' && rule.ownUnitOnly) {
    if (!place || !rule.industryWide || actor.industryId === undefined) {
      throw forbidden(
        'permission.own_unit_only',
        `unit ${actor.unitId ?? '(none)'} may act only on its own ${table.ownObjects}; ${table.otherObject} ${unitId}`,
      );
    }
    authorizeIndustry(actor, place);
  }
  if (place) authorizeTerritory(actor, place.regionPath, describePlace(place));
}

/** The roles (in ROLES order) the table lets do `action`, on their own unit's objects where that applies. */
export function rolesAllowed<A extends string>(table: PermissionTable<A>, action: A): Role[] {
  return ROLES.filter((role) => table.rules[action].roles.includes(role));
}
