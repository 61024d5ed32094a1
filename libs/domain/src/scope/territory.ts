import type { Actor } from '../actor';
import { forbidden } from '../rejection';

/**
 * 属地管理: an account that names a region acts within that region and everything below it
 * (a county office sees its county and its towns, not the next county). An account without one
 * (the top office, Duban itself, development tokens) is bound by no territory.
 */
export function coversRegion(actor: Actor, regionPath: readonly string[] | null): boolean {
  if (actor.regionId === undefined || actor.role === 'system') return true;
  return regionPath !== null && regionPath.includes(actor.regionId);
}

/** Refuses (403 `permission.outside_territory`) what lies outside the actor's territory; `what` says what it is and where. */
export function authorizeTerritory(actor: Actor, regionPath: readonly string[] | null, what: string): void {
  if (coversRegion(actor, regionPath)) return;
  throw forbidden(
    'permission.outside_territory',
    `${actor.role} of region ${actor.regionId} acts only within it and the regions below it (属地管理); ${what}`,
  );
}

/**
 * Whether an actor's region and an object's region lie on one line of the tree: the object is
 * within the actor's territory, or the actor's region lies below the object's (a county office
 * sees the city campaign it takes part in, not the next county's). `actorRegionPath` is the
 * actor's own region path (root first, its region last).
 */
export function sharesLineWith(actor: Actor, actorRegionPath: readonly string[] | null, regionPath: readonly string[] | null): boolean {
  if (coversRegion(actor, regionPath)) return true;
  if (regionPath === null || actorRegionPath === null) return false;
  const region = regionPath[regionPath.length - 1];
  return region !== undefined && actorRegionPath.includes(region);
}
