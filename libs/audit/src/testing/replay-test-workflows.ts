import { continueAsNew, proxyActivities, sleep } from '@temporalio/workflow';

/** Waits a moment, then continues as new until `runs` runs have passed: a history of several runs. */
export async function countdownWorkflow(runs: number): Promise<number> {
  await sleep(1);
  if (runs > 1) await continueAsNew<typeof countdownWorkflow>(runs - 1);
  return runs;
}

const { note } = proxyActivities<{ note(): Promise<void> }>({ startToCloseTimeout: '1 minute' });

/** countdownWorkflow as if its code had changed: an activity where the history has a timer (nondeterminism at that event). */
export async function countdownChangedWorkflow(runs: number): Promise<number> {
  await note();
  if (runs > 1) await continueAsNew<typeof countdownChangedWorkflow>(runs - 1);
  return runs;
}
