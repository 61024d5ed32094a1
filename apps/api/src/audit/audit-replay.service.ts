import { Injectable } from '@nestjs/common';
import { authorize, AUDIT_PERMISSIONS, type Actor } from '@duban/domain';
import type { ReplayReport } from '@duban/audit';
import { CampaignAccess } from '../campaigns/campaign-access';
import { AuditReplayer } from './audit-replayer';
import { WorkflowAccess } from './workflow-access';

/** 重放审计 for auditors: who may replay what is settled here, before Temporal is asked anything. */
@Injectable()
export class AuditReplayService {
  constructor(
    private readonly workflows: WorkflowAccess,
    private readonly campaigns: CampaignAccess,
    private readonly replayer: AuditReplayer,
  ) {}

  async replayWorkflow(workflowId: string, actor: Actor): Promise<ReplayReport> {
    authorize(AUDIT_PERMISSIONS, 'replay', actor);
    await this.workflows.readable(workflowId, actor);
    return this.replayer.replayWorkflow(workflowId);
  }

  async replayCampaign(campaignId: string, actor: Actor): Promise<ReplayReport> {
    authorize(AUDIT_PERMISSIONS, 'replay', actor);
    await this.campaigns.readable(campaignId, actor);
    return this.replayer.replayCampaign(campaignId);
  }
}
