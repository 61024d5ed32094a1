import { workflowInfo } from '@temporalio/workflow';

/** Continue-as-new well before Temporal's 10k-event warning, whatever the server suggests. */
export const MAX_HISTORY_EVENTS = 4000;

/** Whether this run's history is long enough to continue as new (the server suggests it, or it passed `maxEvents`). */
export function historyIsLong(maxEvents: number = MAX_HISTORY_EVENTS): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength > maxEvents;
}
