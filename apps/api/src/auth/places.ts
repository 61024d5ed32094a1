import { Injectable } from '@nestjs/common';
import type { Actor, CampaignPlace, Place } from '@duban/domain';
import { RegistryReader } from '@duban/persistence';

/** Whether territory or industry bind the actor: an account naming a region or an industry (Duban itself never). */
export const isScoped = (actor: Actor): boolean => actor.role !== 'system' && (actor.regionId !== undefined || actor.industryId !== undefined);

/** The place of a unit nothing is known of beyond its id: what bounds of an unscoped actor (at most a unit id) need. */
const unplaced = (unitId: string): Place => ({ unitId, regionPath: null, industryPath: null });

/**
 * Where objects sit for supervision (属地, 行业), from the registry (单位库), for the object
 * checks and the bounds of lists (libs/domain/src/scope). An actor bound by no scope needs no
 * place: it gets the unit id back, as the checks took before, and nothing is looked up.
 */
@Injectable()
export class Places {
  constructor(private readonly registry: RegistryReader) {}

  /** What `authorize` takes for `actor` acting on `unitId`'s object: its place, or the bare id for an unscoped actor. */
  async of(actor: Actor, unitId: string): Promise<string | Place> {
    if (!isScoped(actor)) return unitId;
    return (await this.known(actor, unitId))!;
  }

  /** The registry's place of `unitId` for a scoped actor; undefined for an unscoped one or a unit the registry lacks. */
  async known(actor: Actor, unitId: string): Promise<Place | undefined> {
    if (!isScoped(actor)) return undefined;
    return (await this.registry.placesOf([unitId])).get(unitId);
  }

  /** The place of each of `unitIds`, as withinBounds takes them (looked up only for a scoped actor). */
  async ofEach(actor: Actor, unitIds: readonly string[]): Promise<(unitId: string) => Place> {
    if (!isScoped(actor)) return unplaced;
    const found = await this.registry.placesOf(unitIds);
    return (unitId) => found.get(unitId) ?? unplaced(unitId);
  }

  /** The path of the actor's own region (root first, its region last); null when it names none or the registry lacks it. */
  async regionPathOf(actor: Actor): Promise<string[] | null> {
    if (!isScoped(actor) || actor.regionId === undefined) return null;
    return this.registry.regionPathOf(actor.regionId);
  }

  /** The place of a campaign launched in `regionId` (null: by an account bound by no territory). */
  async ofCampaign(actor: Actor, campaignId: string, regionId: string | null): Promise<CampaignPlace> {
    const regionPath = regionId === null || !isScoped(actor) ? null : await this.registry.regionPathOf(regionId);
    return { campaignId, regionId, regionPath };
  }

  /** The path of a region named as an object (a unit's region, a region's parent); null when the registry lacks it. */
  async ofRegion(actor: Actor, regionId: string | null): Promise<string[] | null> {
    if (regionId === null || !isScoped(actor)) return null;
    return this.registry.regionPathOf(regionId);
  }
}
