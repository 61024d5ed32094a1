import { Injectable, NotFoundException } from '@nestjs/common';
import { CAMPAIGN_PERMISSIONS, ownUnitScope, type Actor, type CampaignAction } from '@duban/domain';
import { CampaignLedgerReader, type CampaignLedgerRow, type CampaignUnitRow } from '@duban/persistence';
import type { CampaignPlan } from '@duban/workflows';
import { authorizeOn } from '../auth/authorize-on';

/**
 * Every campaign call's object-level checks (layers 2 and 3 in libs/domain/src/permissions.ts):
 * the campaign exists (404), the unit acted on is on its roster (404) and the actor may act on
 * it (403); a unit token's reads are confined to its own unit.
 */
@Injectable()
export class CampaignAccess {
  constructor(private readonly ledger: CampaignLedgerReader) {}

  async campaign(campaignId: string): Promise<CampaignLedgerRow> {
    const campaign = await this.ledger.get(campaignId);
    if (!campaign) throw new NotFoundException(`campaign ${campaignId} not found`);
    return campaign;
  }

  /** The campaign's template, schedule inputs and hazard policy; 404 like the campaign itself. */
  async plan(campaignId: string): Promise<CampaignPlan> {
    const plan = await this.ledger.plan(campaignId);
    if (!plan) throw new NotFoundException(`campaign ${campaignId} not found`);
    return plan;
  }

  /** The unit's roster row, once the actor may do `action` to it. */
  onUnit(campaignId: string, unitId: string, actor: Actor, action: CampaignAction): Promise<CampaignUnitRow> {
    return authorizeOn(CAMPAIGN_PERMISSIONS, action, actor, {
      find: () => this.ledger.unit(campaignId, unitId),
      unitOf: (row) => row.unitId,
      missing: async () => {
        await this.campaign(campaignId);
        return `unit ${unitId} is not in campaign ${campaignId}`;
      },
    });
  }

  /** The unit a read is confined to: a unit token's own (another is refused), else the one asked for. */
  ownUnit(actor: Actor, requested: string | undefined): string | undefined {
    return ownUnitScope(CAMPAIGN_PERMISSIONS, 'read', actor, requested);
  }
}
