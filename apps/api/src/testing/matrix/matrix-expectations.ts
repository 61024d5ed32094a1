import {
  authorize,
  authorizeCampaignManage,
  authorizeCampaignRead,
  authorizeEvidenceRead,
  authorizeRegistryWrite,
  authorizeTerritory,
  describePlace,
  DomainRejection,
  listBounds,
  registryAnchorOf,
  type Actor,
  type AnyRegistryRecord,
  type CampaignPlace,
  type Place,
} from '@duban/domain';
import type { AppRoute } from './route-table';
import type { Caller } from './matrix-callers';
import type { Call, ScopeCheck } from './route-recipes';

/** What the matrix knows of the world to compute an expectation: where units and regions sit, and where its campaign was launched. */
export interface MatrixPlaces {
  placeOf(unitId: string): Place;
  regionPathOf(regionId: string): readonly string[] | null;
  campaignRegionId: string | null;
}

export type Expectation = { allowed: true } | { allowed: false; status: 401 | 403; code?: string; why: string };

/**
 * What the domain's rules say of `caller` making `call` to `route`: the route's role check
 * (@Permit(table, action)), then each object the call touches (`call.checks`) through the same
 * pure functions the API calls — never a hand-written answer. Throws when a route has no
 * expectation at all.
 */
export function expectation(route: AppRoute, caller: Caller, call: Call, world: MatrixPlaces): Expectation {
  if (route.isPublic) return { allowed: true };
  if (!caller.actor) return { allowed: false, status: 401, why: 'no bearer token' };
  if (!route.permission) throw new Error(`${route.key} (${route.handler}) is neither @Public nor @Permit(table, action): no expectation`);
  const { table, action } = route.permission;
  const actor = caller.actor;
  try {
    authorize(table, action, actor);
    if (call.checks === undefined) {
      // A route that names no object beyond a unit: a unit may not name another's where the rule is its own only.
      if (actor.role === 'unit' && caller.target === 'other' && table.rules[action].ownUnitOnly && route.unitObject)
        authorize(table, action, actor, 'unit-b');
    }
    for (const check of call.checks ?? []) meets(check, table, action, actor, world);
    return { allowed: true };
  } catch (error) {
    if (!(error instanceof DomainRejection)) throw error;
    return { allowed: false, status: 403, code: error.code, why: error.message };
  }
}

function meets(check: ScopeCheck, table: NonNullable<AppRoute['permission']>['table'], action: string, actor: Actor, world: MatrixPlaces): void {
  if ('unit' in check) return authorize(table, action, actor, world.placeOf(check.unit));
  if ('list' in check) return void listBounds(table, action, actor, check.list === undefined ? undefined : world.placeOf(check.list));
  if ('roster' in check) {
    for (const place of check.roster.map(world.placeOf)) authorizeTerritory(actor, place.regionPath, describePlace(place));
    return;
  }
  if ('region' in check) return authorizeTerritory(actor, world.regionPathOf(check.region), `region ${check.region}`);
  if ('evidenceUploadedBy' in check) return authorizeEvidenceRead(actor, check.evidenceUploadedBy);
  if ('campaign' in check) {
    const regionId = world.campaignRegionId;
    const campaign: CampaignPlace = { campaignId: 'matrix', regionId, regionPath: regionId === null ? null : world.regionPathOf(regionId) };
    const own = actor.regionId === undefined ? null : world.regionPathOf(actor.regionId);
    return check.campaign === 'read' ? authorizeCampaignRead(actor, own, campaign) : authorizeCampaignManage(actor, campaign);
  }
  const anchor = registryAnchorOf(check.registry, (check.record ?? {}) as AnyRegistryRecord);
  const path = 'regionId' in anchor ? world.regionPathOf(anchor.regionId) : 'unitId' in anchor ? world.placeOf(anchor.unitId).regionPath : null;
  authorizeRegistryWrite(actor, check.registry, check.id, path);
}
