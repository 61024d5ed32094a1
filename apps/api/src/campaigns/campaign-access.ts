import { Injectable, NotFoundException } from '@nestjs/common';
import {
  authorize,
  authorizeCampaignManage,
  authorizeCampaignRead,
  authorizeTerritory,
  CAMPAIGN_PERMISSIONS,
  coversRegion,
  describePlace,
  listBounds,
  type Actor,
  type CampaignAction,
  type ListBounds,
  type Place,
} from '@duban/domain';
import { CampaignLedgerReader, type CampaignLedgerRow, type CampaignUnitRow } from '@duban/persistence';
import type { CampaignPlan } from '@duban/workflows';
import { authorizeOn } from '../auth/authorize-on';
import { Places } from '../auth/places';

/**
 * Every campaign call's object-level checks (layers 2 and 3 in libs/domain/src/permissions.ts):
 * the campaign exists (404) and lies on the actor's line (属地: a county reads the city's
 * campaign, decides only its own), the unit acted on is on its roster (404) and within the
 * actor's scope (403); reads over many units are bounded by the reader's scope.
 */
@Injectable()
export class CampaignAccess {
  constructor(
    private readonly ledger: CampaignLedgerReader,
    private readonly places: Places,
  ) {}

  /** The campaign's ledger row (404 when unknown); no scope checked. */
  async campaign(campaignId: string): Promise<CampaignLedgerRow> {
    const campaign = await this.ledger.get(campaignId);
    if (!campaign) throw new NotFoundException(`campaign ${campaignId} not found`);
    return campaign;
  }

  /** The campaign, once it lies on the reader's line (the city's campaign for its counties, not the next county's). */
  async readable(campaignId: string, actor: Actor): Promise<CampaignLedgerRow> {
    const campaign = await this.campaign(campaignId);
    const place = await this.places.ofCampaign(actor, campaignId, campaign.launchedBy.regionId);
    authorizeCampaignRead(actor, await this.places.regionPathOf(actor), place);
    return campaign;
  }

  /** The campaign, once it was launched within the actor's territory (pause, resume, extend, close, remove a unit). */
  async managed(campaignId: string, actor: Actor): Promise<CampaignLedgerRow> {
    const campaign = await this.campaign(campaignId);
    authorizeCampaignManage(actor, await this.places.ofCampaign(actor, campaignId, campaign.launchedBy.regionId));
    return campaign;
  }

  /** The campaign's template, schedule inputs and hazard policy; 404 like the campaign itself. */
  async plan(campaignId: string): Promise<CampaignPlan> {
    const plan = await this.ledger.plan(campaignId);
    if (!plan) throw new NotFoundException(`campaign ${campaignId} not found`);
    return plan;
  }

  /** The unit's roster row, once the actor may do `action` to it (and, to remove it, decide on the campaign). */
  async onUnit(campaignId: string, unitId: string, actor: Actor, action: CampaignAction): Promise<CampaignUnitRow> {
    const row = await authorizeOn(
      CAMPAIGN_PERMISSIONS,
      action,
      actor,
      {
        find: () => this.ledger.unit(campaignId, unitId),
        unitOf: (found) => found.unitId,
        missing: async () => {
          await this.campaign(campaignId);
          return `unit ${unitId} is not in campaign ${campaignId}`;
        },
      },
      this.places,
    );
    if (action === 'manage') await this.managed(campaignId, actor);
    return row;
  }

  /** 增加单位 (比照落实): a campaign on the actor's line, a unit within its territory (a county adds its own units to the city's campaign). */
  async unitToAdd(campaignId: string, actor: Actor, unitId: string): Promise<void> {
    await this.readable(campaignId, actor);
    authorize(CAMPAIGN_PERMISSIONS, 'manage', actor, await this.places.of(actor, unitId));
  }

  /**
   * 发起: every region a selector names and every unit on the roster within the actor's
   * territory (403 naming the first outside).
   */
  async launch(actor: Actor, selectorRegionIds: readonly string[] | undefined, unitIds: readonly string[]): Promise<void> {
    authorize(CAMPAIGN_PERMISSIONS, 'launch', actor);
    for (const regionId of selectorRegionIds ?? []) {
      authorizeTerritory(actor, await this.places.ofRegion(actor, regionId), `the selector names region ${regionId}`);
    }
    const placeOf = await this.places.ofEach(actor, unitIds);
    const outside = unitIds.map(placeOf).find((place) => !coversRegion(actor, place.regionPath));
    if (outside) authorizeTerritory(actor, outside.regionPath, `the roster's ${describePlace(outside)}`);
  }

  /** What a read over the campaign's units is bounded to; `requested` (`?unitId=`) is refused outside the reader's scope. */
  async bounds(actor: Actor, requested: string | undefined): Promise<ListBounds> {
    return listBounds(CAMPAIGN_PERMISSIONS, 'read', actor, requested === undefined ? undefined : await this.places.of(actor, requested));
  }

  /** Where each unit sits, for bounding rows already read (roll-ups over the whole roster). */
  placesOf(actor: Actor, unitIds: readonly string[]): Promise<(unitId: string) => Place> {
    return this.places.ofEach(actor, unitIds);
  }
}
