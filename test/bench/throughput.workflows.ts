// Raw Temporal for the server comparison: a bare workflow (start and finish) and a counter that
// takes updates until told to finish.
import { condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

export { bareWorkflow } from './bare.workflows';

export const incrementUpdate = defineUpdate<number, [number]>('increment');
export const finishSignal = defineSignal('finish');

export async function counterWorkflow(): Promise<number> {
  let count = 0;
  let finished = false;
  setHandler(incrementUpdate, (by) => (count += by));
  setHandler(finishSignal, () => void (finished = true));
  await condition(() => finished);
  return count;
}
