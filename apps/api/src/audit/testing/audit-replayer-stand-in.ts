import type { ReplayReport } from '@duban/audit';
import { campaignWorkflowId } from '@duban/domain';
import type { AuditReplayer } from '../audit-replayer';

/**
 * AuditReplayer for specs without Temporal (the authorization matrix): it asks `client` for a
 * handle of the workflow, so a call that reaches it counts as reaching Temporal, and answers a
 * report of one workflow with no runs.
 */
export function auditReplayerStandIn(client: {
  workflow: { getHandle(workflowId: string): unknown };
}): Pick<AuditReplayer, 'replayWorkflow' | 'replayCampaign'> {
  const report = (workflowId: string): ReplayReport => {
    client.workflow.getHandle(workflowId);
    return {
      workflows: [{ workflowId, missing: false, runs: [] }],
      summary: { histories: 1, runs: 0, events: 0, eventsPerSecond: null, failures: 0 },
    };
  };
  return {
    replayWorkflow: async (workflowId) => report(workflowId),
    replayCampaign: async (campaignId) => report(campaignWorkflowId(campaignId)),
  };
}
