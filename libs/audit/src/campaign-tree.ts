import { campaignWorkflowId, hazardWorkflowId, unitObligationsWorkflowId } from '@duban/domain';
import { LEDGER_PAGE_MAX, ROSTER_PAGE_MAX, type CampaignLedgerReader, type HazardLedgerReader } from '@duban/persistence';

export interface CampaignTreeReaders {
  campaigns: Pick<CampaignLedgerReader, 'get' | 'loadRosterPage'>;
  hazards: Pick<HazardLedgerReader, 'list'>;
}

/**
 * The workflow ids of a campaign's tree, as the ledger knows it: the campaign, every unit's
 * obligations workflow (the whole roster, in its order) and every hazard found in the campaign.
 * Undefined when the ledger has no such campaign.
 */
export async function campaignTree(readers: CampaignTreeReaders, campaignId: string): Promise<string[] | undefined> {
  if (!(await readers.campaigns.get(campaignId))) return undefined;
  const ids = [campaignWorkflowId(campaignId)];
  for (let offset = 0; ; offset += ROSTER_PAGE_MAX) {
    const page = await readers.campaigns.loadRosterPage(campaignId, offset, ROSTER_PAGE_MAX);
    ids.push(...page.map((unit) => unitObligationsWorkflowId(campaignId, unit.unitId)));
    if (page.length < ROSTER_PAGE_MAX) break;
  }
  for (let offset = 0; ; offset += LEDGER_PAGE_MAX) {
    const { items } = await readers.hazards.list({ campaignId, limit: LEDGER_PAGE_MAX, offset });
    ids.push(...items.map((hazard) => hazardWorkflowId(hazard.hazardId)));
    if (items.length < LEDGER_PAGE_MAX) break;
  }
  return ids;
}
