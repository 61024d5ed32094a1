import { log } from '@temporalio/activity';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { SYSTEM_ACTOR, type HazardState } from '@duban/domain';
import { accidentsLinkedToHazard, type HazardLedgerWriter } from '@duban/persistence';
import { accidentWorkflowId, syncRectificationHazardUpdate, type HazardActivities } from '@duban/workflows';
import type { DataSource } from 'typeorm';

/**
 * The hazard workflow's only I/O: projecting its events into the PostgreSQL ledger (idempotent
 * writer), then telling each accident the hazard is a rectification measure of (整改措施) its new
 * status, so that gate 3 of 四不放过 follows the hazard to 销号 without anyone relaying it.
 */
export function createHazardActivities(deps: { writer: HazardLedgerWriter; dataSource: DataSource; client: Client }): HazardActivities {
  const { writer, dataSource, client } = deps;
  return {
    async recordHazardEvents(input) {
      await writer.record(input);
      await tellLinkedAccidents(dataSource, client, input.state);
    },
  };
}

async function tellLinkedAccidents(dataSource: DataSource, client: Client, hazard: HazardState): Promise<void> {
  const links = await accidentsLinkedToHazard(dataSource, hazard.hazardId);
  for (const link of links.filter((l) => l.status !== hazard.status)) {
    try {
      await client.workflow.getHandle(accidentWorkflowId(link.accidentId)).executeUpdate(syncRectificationHazardUpdate, {
        // The same hazard version twice (an activity retry) is one update to the accident.
        updateId: `rectification:${hazard.hazardId}:${hazard.lastSeq}`,
        args: [{ actor: SYSTEM_ACTOR, hazardId: hazard.hazardId, status: hazard.status }],
      });
    } catch (error) {
      // An accident that has ended, or refuses (its investigation closed), needs no word: the
      // hazard's own record still holds. Anything else (the server unreachable) is retried.
      if (error instanceof WorkflowNotFoundError || error instanceof WorkflowUpdateFailedError) {
        log.info('linked accident not told of hazard status', { accidentId: link.accidentId, hazardId: hazard.hazardId, error: String(error) });
        continue;
      }
      throw error;
    }
  }
}
