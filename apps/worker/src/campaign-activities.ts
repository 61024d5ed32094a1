import { Context, heartbeat } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { isUnitOpen, type UnitObligationsState } from '@duban/domain';
import type { CampaignLedgerReader, CampaignLedgerWriter } from '@duban/persistence';
import {
  DubanCampaignId,
  DubanUnitId,
  unitControlSignal,
  unitObligationsWorkflowId,
  type CampaignActivities,
  type UnitObligationsActivities,
  type UnitObligationsInput,
} from '@duban/workflows';

/** Client calls in flight at once for a campaign's units: a decision's signals, a launch batch's starts. */
const SIGNAL_CONCURRENCY = 32;
/**
 * A closing campaign counts its open units again at each notice that one settled; this bounds the
 * wait should a notice be lost with a dropped connection (well inside the activity's 30 s heartbeat).
 */
const UNIT_SETTLE_FALLBACK_MS = 10_000;

/**
 * One client call per unit of a campaign, SIGNAL_CONCURRENCY at a time, heartbeating every 100
 * units; `call` answers whether it acted (false: the unit needed nothing). Returns how many acted.
 */
async function eachUnit<T>(items: readonly T[], call: (item: T) => Promise<boolean>): Promise<number> {
  let next = 0;
  let acted = 0;
  const lane = async () => {
    while (next < items.length) {
      if (await call(items[next++]!)) acted++;
      if (next % 100 === 0) heartbeat(next);
    }
  };
  await Promise.all(Array.from({ length: Math.min(SIGNAL_CONCURRENCY, items.length) }, lane));
  return acted;
}

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
    startUnits: ({ taskQueue, units }) =>
      eachUnit(units, async (input) => {
        try {
          await client.workflow.start<(input: UnitObligationsInput) => Promise<UnitObligationsState>>('unitObligationsWorkflow', {
            taskQueue,
            workflowId: unitObligationsWorkflowId(input.campaignId, input.unit.unitId),
            args: [input],
            // A unit's id is never reused in its campaign: a retry after the unit ended must not start it again.
            workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
            // Set at start rather than upserted by the unit: one command fewer per unit.
            typedSearchAttributes: [
              { key: DubanCampaignId, value: input.campaignId },
              { key: DubanUnitId, value: input.unit.unitId },
            ],
          });
          return true;
        } catch (error) {
          // Started already (an earlier attempt of this activity, or an earlier run): enrolled.
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
          return false;
        }
      }),
    async signalUnits({ campaignId, control, unitIds }) {
      const targets = unitIds ?? (await reader.unitIds(campaignId));
      return eachUnit(targets, async (unitId) => {
        try {
          await client.workflow.getHandle(unitObligationsWorkflowId(campaignId, unitId)).signal(unitControlSignal, control);
          return true;
        } catch (error) {
          // A unit whose workflow has already ended needs no word; anything else is retried.
          if (!(error instanceof WorkflowNotFoundError)) throw error;
          return false;
        }
      });
    },
    async awaitUnitsSettled({ campaignId }) {
      // Listening before the first count: a unit settling between a count and the wait is not missed.
      const settlements = await reader.watchUnitSettlements(campaignId);
      try {
        for (;;) {
          const counts = await reader.unitStatusCounts(campaignId);
          if (!Object.entries(counts).some(([status, n]) => n > 0 && isUnitOpen({ status }))) return counts;
          heartbeat(counts);
          // Cancellation (the campaign workflow gone) ends the wait.
          await Promise.race([settlements.next(UNIT_SETTLE_FALLBACK_MS), Context.current().cancelled]);
        }
      } finally {
        await settlements.close();
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
