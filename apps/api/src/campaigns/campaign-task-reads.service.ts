import { Injectable } from '@nestjs/common';
import type { Actor } from '@duban/domain';
import { CampaignTaskReader, type CampaignTaskRow, type InspectionAssignmentRow } from '@duban/persistence';
import { CampaignAccess } from './campaign-access';

/** What offices added below a campaign, the reads; a unit token sees only what binds its own unit. */
@Injectable()
export class CampaignTaskReadsService {
  constructor(
    private readonly access: CampaignAccess,
    private readonly tasks: CampaignTaskReader,
  ) {}

  async list(campaignId: string, actor: Actor): Promise<{ items: CampaignTaskRow[] }> {
    await this.access.campaign(campaignId);
    const own = this.access.ownUnit(actor, undefined);
    const items = await this.tasks.tasks(campaignId);
    return { items: own === undefined ? items : items.filter((t) => t.unitIds.includes(own)).map((t) => ({ ...t, unitIds: [own] })) };
  }

  async assignments(campaignId: string, actor: Actor): Promise<{ items: InspectionAssignmentRow[] }> {
    await this.access.campaign(campaignId);
    return { items: await this.tasks.assignments(campaignId, this.access.ownUnit(actor, undefined)) };
  }
}
