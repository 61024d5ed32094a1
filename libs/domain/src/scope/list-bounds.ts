import type { Actor } from '../actor';
import { authorize, type PermissionTable } from '../permissions';
import type { Place } from './place';

/**
 * What a read over many objects is confined to, as the filters a ledger query applies (every
 * one present, together): layer 3 of libs/domain/src/permissions.ts for lists. Rows outside are
 * not refused one by one: they are simply not in the answer.
 */
export interface ListBounds {
  /** Only this unit's rows: a unit's own, or the one unit asked for. */
  unitId?: string;
  /** Only rows of units the registry places in this region or below it (属地). */
  regionId?: string;
  /** Only rows of units the registry places in this industry or below it (行业)… */
  industryId?: string;
  /** …or of this unit: a department's own rows, whatever their industry. */
  orUnitId?: string;
}

/**
 * The bounds of `actor`'s read. `requested` is the one unit asked for (`?unitId=`): its place
 * when the caller looked it up, so that one outside the actor's scope is refused with the scope
 * it lacks (403), or its id alone (then only the role and own-unit rules refuse, and the bounds
 * still keep everything outside the scope out of the answer).
 */
export function listBounds<A extends string>(table: PermissionTable<A>, action: A, actor: Actor, requested?: string | Place): ListBounds {
  authorize(table, action, actor, requested);
  const unitId = typeof requested === 'string' ? requested : requested?.unitId;
  if (actor.role === 'system') return present({ unitId });
  const rule = table.rules[action];
  if (actor.role === 'unit' && rule.ownUnitOnly) {
    const department = rule.industryWide === true && actor.industryId !== undefined;
    if (!department || unitId === actor.unitId) return present({ unitId: actor.unitId });
    return present({ unitId, regionId: actor.regionId, industryId: actor.industryId, orUnitId: unitId === undefined ? actor.unitId : undefined });
  }
  return present({ unitId, regionId: actor.regionId });
}

/** The bounds without the absent ones, so that `{}` means "everything". */
function present(bounds: { [K in keyof ListBounds]: string | undefined }): ListBounds {
  return Object.fromEntries(Object.entries(bounds).filter(([, value]) => value !== undefined));
}

/** Whether a row of `place` is within `bounds`: the in-memory twin of the ledger queries' filter. */
export function withinBounds(bounds: ListBounds, place: Place): boolean {
  if (bounds.unitId !== undefined && place.unitId !== bounds.unitId) return false;
  if (bounds.orUnitId !== undefined && place.unitId === bounds.orUnitId) return true;
  if (bounds.regionId !== undefined && !(place.regionPath ?? []).includes(bounds.regionId)) return false;
  if (bounds.industryId !== undefined && !(place.industryPath ?? []).includes(bounds.industryId)) return false;
  return true;
}
