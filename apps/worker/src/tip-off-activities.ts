import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { TipOffLedgerWriter } from '@duban/persistence';
import { accidentStateQuery, accidentWorkflowId, recordTipOffUpdate, type TipOffActivities } from '@duban/workflows';

/**
 * The tip-off workflow's I/O: its ledger (idempotent writer), and a verified tip recorded on an
 * accident already on record, through the accident workflow's own update (so its decider flags
 * 谎报 where the numbers were understated). Idempotent: a tip the accident already holds is not sent again.
 */
export function createTipOffActivities(deps: { writer: TipOffLedgerWriter; client: Client }): TipOffActivities {
  const { writer, client } = deps;
  return {
    recordTipOffEvents: (input) => writer.record(input),
    async recordTipOffOnAccident({ accidentId, actor, tip, verification }) {
      const accident = client.workflow.getHandle(accidentWorkflowId(accidentId));
      const before = await accident.query(accidentStateQuery);
      if (!before.tipOffs.some((known) => known.tipOffId === tip.tipOffId)) {
        try {
          await accident.executeUpdate(recordTipOffUpdate, { args: [{ actor, tip, verification }], updateId: `tip-off-${tip.tipOffId}` });
        } catch (error) {
          // The accident refused the tip (its decider's words): retrying cannot change that.
          if (error instanceof WorkflowUpdateFailedError)
            throw ApplicationFailure.nonRetryable(`accident ${accidentId} refused tip-off ${tip.tipOffId}: ${error.cause?.message ?? error.message}`);
          throw error;
        }
      }
      const after = await accident.query(accidentStateQuery);
      return { concealment: after.concealment.filter((flag) => flag.tipOffId === tip.tipOffId).map((flag) => flag.kind) };
    },
  };
}
