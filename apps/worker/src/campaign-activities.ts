import { Context, heartbeat, sleep } from '@temporalio/activity';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { CampaignLedgerReader, CampaignLedgerWriter } from '@duban/persistence';
import { unitControlSignal, unitObligationsWorkflowId, type CampaignActivities, type UnitObligationsActivities } from '@duban/workflows';

/** Signals in flight at once when a decision goes out to every unit of a campaign. */
const SIGNAL_CONCURRENCY = 32;
/** How often a closing campaign looks whether all its units have settled. */
const UNIT_SETTLE_POLL_MS = 500;

/**
 * The campaign workflows' I/O: the PostgreSQL campaign ledger, and signals from a campaign to
 * its units (sent from an activity, so thousands of signals never enter the campaign's history).
 */
export function createCampaignActivities(deps: {
  writer: CampaignLedgerWriter;
  reader: CampaignLedgerReader;
  client: Client;
}): CampaignActivities & UnitObligationsActivities {
  const { writer, reader, client } = deps;
  return {
    recordCampaignEvents: (input) => writer.recordCampaign(input),
    saveCampaignRoster: ({ campaignId, units }) => writer.saveRoster(campaignId, units),
    loadRosterPage: ({ campaignId, offset, limit }) => reader.loadRosterPage(campaignId, offset, limit),
    async signalUnits({ campaignId, control, unitIds }) {
      const targets = unitIds ?? (await reader.unitIds(campaignId));
      let next = 0;
      let signalled = 0;
      const lane = async () => {
        while (next < targets.length) {
          const unitId = targets[next++];
          try {
            await client.workflow.getHandle(unitObligationsWorkflowId(campaignId, unitId)).signal(unitControlSignal, control);
            signalled++;
          } catch (error) {
            // A unit whose workflow has already ended needs no word; anything else is retried.
            if (!(error instanceof WorkflowNotFoundError)) throw error;
          }
          if (signalled % 100 === 0) heartbeat(signalled);
        }
      };
      await Promise.all(Array.from({ length: Math.min(SIGNAL_CONCURRENCY, targets.length) }, lane));
      return signalled;
    },
    async awaitUnitsSettled({ campaignId }) {
      for (;;) {
        const counts = await reader.unitStatusCounts(campaignId);
        const open = (counts.active ?? 0) + (counts.paused ?? 0);
        if (open === 0) return counts;
        heartbeat(counts);
        // Cancellation (the campaign workflow gone) ends the wait.
        await Promise.race([sleep(UNIT_SETTLE_POLL_MS), Context.current().cancelled]);
      }
    },
    async loadCampaignPlan({ campaignId }) {
      const plan = await reader.plan(campaignId);
      if (!plan) throw new Error(`campaign ${campaignId} is not in the ledger yet`);
      return plan;
    },
    recordUnitEvents: (input) => writer.recordUnit(input),
  };
}
