import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { markActionOverdue, recordActionTaken, validateActionTaken, type AccountabilityActionState } from '@duban/domain';
import { ACTIVITY_RETRY } from '../activity-retry';
import { LEDGER_ACTIVITY_TIMEOUT } from '../activity-timeouts';
import { rejectionToFailure } from '../rejection-failure';
import {
  accountabilityActionStateQuery,
  recordActionTakenUpdate,
  type AccidentRecordActivities,
  type AccountabilityActionInput,
} from './accident-record.contract';

const { recordAccountabilityAction } = proxyActivities<AccidentRecordActivities>({
  startToCloseTimeout: LEDGER_ACTIVITY_TIMEOUT,
  retry: ACTIVITY_RETRY,
});

/**
 * The office's obligation from one firing (约谈 held, minutes recorded): open until the update
 * records it, overdue at its due date (recorded, and still to be done), ended once done.
 */
export async function accountabilityActionWorkflow(input: AccountabilityActionInput): Promise<AccountabilityActionState> {
  let state = input.action;
  setHandler(accountabilityActionStateQuery, () => state);
  setHandler(
    recordActionTakenUpdate,
    async (command) => {
      try {
        state = recordActionTaken(state, command, new Date());
      } catch (error) {
        throw rejectionToFailure(error);
      }
      await recordAccountabilityAction(state);
      return state;
    },
    {
      validator: (command) => {
        try {
          validateActionTaken(state, command, new Date());
        } catch (error) {
          throw rejectionToFailure(error);
        }
      },
    },
  );
  const untilDue = Math.max(Date.parse(state.due) - Date.now(), 1);
  if (state.status === 'open' && !(await condition(() => state.status === 'done', untilDue))) {
    state = markActionOverdue(state, new Date());
    await recordAccountabilityAction(state);
  }
  await condition(() => state.status === 'done');
  await condition(allHandlersFinished);
  return state;
}
