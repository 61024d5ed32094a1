import type { Actor } from '../actor';
import { forbidden } from '../rejection';
import { authorizeTerritory, sharesLineWith } from './territory';

/**
 * Where a campaign sits: the region of the office that launched it (null: an account bound by
 * no territory launched it, the top office or a development token) and that region's path in
 * the registry (null when the registry does not know it).
 */
export interface CampaignPlace {
  campaignId: string;
  regionId: string | null;
  regionPath: readonly string[] | null;
}

/**
 * Reading a campaign (比照落实): a campaign launched above every territory is everyone's; one
 * launched by a region's office is read on that region's line — within the actor's territory,
 * or in a region above the actor's (the city campaign its counties take part in), never the
 * next county's. `actorRegionPath` is the actor's own region's path.
 */
export function mayReadCampaign(actor: Actor, actorRegionPath: readonly string[] | null, campaign: CampaignPlace): boolean {
  return campaign.regionId === null || sharesLineWith(actor, actorRegionPath, campaign.regionPath);
}

/** Refuses (403 `permission.outside_territory`) a campaign off the actor's line. */
export function authorizeCampaignRead(actor: Actor, actorRegionPath: readonly string[] | null, campaign: CampaignPlace): void {
  if (mayReadCampaign(actor, actorRegionPath, campaign)) return;
  throw forbidden(
    'permission.outside_territory',
    `${actor.role} of region ${actor.regionId} reads only the campaigns of its region, the regions below it and those above it (属地管理); ${describeCampaign(campaign)}`,
  );
}

/**
 * Deciding on a campaign (pause, resume, extend, close, remove a unit): only an office whose
 * territory holds the region it was launched in — a county office cannot close the city's
 * campaign, and a campaign launched above every territory is decided by such an account only.
 */
export function authorizeCampaignManage(actor: Actor, campaign: CampaignPlace): void {
  authorizeTerritory(actor, campaign.regionId === null ? null : campaign.regionPath, describeCampaign(campaign));
}

function describeCampaign(campaign: CampaignPlace): string {
  if (campaign.regionId === null) return `campaign ${campaign.campaignId} was launched above every territory`;
  return `campaign ${campaign.campaignId} was launched in ${campaign.regionPath?.join('/') ?? `region ${campaign.regionId} (not in the registry)`}`;
}
