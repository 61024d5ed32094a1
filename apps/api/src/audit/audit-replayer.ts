import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { campaignTree, loadReplayBundle, replayWorkflows, type ReplayReport } from '@duban/audit';
import { CampaignLedgerReader, HazardLedgerReader } from '@duban/persistence';
import { TEMPORAL_CLIENT } from '@duban/temporal-client';

/**
 * Fetches and replays histories for the API: the workflow code is bundled (or the prebuilt
 * bundle read) on the first replay the process serves, not at start-up, and kept for the next.
 */
@Injectable()
export class AuditReplayer {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly campaigns: CampaignLedgerReader,
    private readonly hazards: HazardLedgerReader,
  ) {}

  /** Every run of one workflow; 404 when the server does not have it. */
  async replayWorkflow(workflowId: string): Promise<ReplayReport> {
    const report = await replayWorkflows(this.client, await loadReplayBundle(), [workflowId]);
    if (report.workflows[0].missing) throw new NotFoundException(`workflow ${workflowId} not found on the Temporal server`);
    return report;
  }

  /** The campaign's whole tree (the campaign, its units, its hazards); 404 when the ledger has no such campaign. */
  async replayCampaign(campaignId: string): Promise<ReplayReport> {
    const tree = await campaignTree({ campaigns: this.campaigns, hazards: this.hazards }, campaignId);
    if (!tree) throw new NotFoundException(`campaign ${campaignId} not found`);
    return replayWorkflows(this.client, await loadReplayBundle(), tree);
  }
}
