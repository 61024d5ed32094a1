import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { replayHistories } from '@duban/audit';
import { sharedWorkflowBundle } from '../setup/shared-workflow-bundle';
import { replayFixtureRuns } from './replay-fixture-runs';

/**
 * The product's replay (libs/audit replayHistories: per-run timing, failure kinds) against the
 * SDK's bare Worker.runReplayHistories over the same histories (the committed fixtures, repeated
 * to `COPIES` of each), rounds alternating so other load on the machine falls on both alike.
 * Printed, not asserted beyond "both replayed everything": the ratio is the figure (goal ≥ 0.9×).
 */
const COPIES = Number(process.env.DUBAN_BENCH_REPLAY_COPIES ?? 10);
const ROUNDS = 3;

describe('replay rate: the product against the bare SDK', () => {
  it('replays the same histories at a comparable rate', async () => {
    const bundle = await sharedWorkflowBundle();
    const { runs, events } = replayFixtureRuns(COPIES);
    const rates = { product: [] as number[], bare: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      let started = performance.now();
      const replays = await replayHistories(bundle, runs);
      rates.product.push(events / ((performance.now() - started) / 1000));
      expect(replays.filter((r) => r.ok)).toHaveLength(runs.length);

      started = performance.now();
      let bare = 0;
      for await (const result of Worker.runReplayHistories({ workflowBundle: bundle, replayName: 'bench-bare' }, runs as never)) {
        if (!result.error) bare++;
      }
      rates.bare.push(events / ((performance.now() - started) / 1000));
      expect(bare).toBe(runs.length);
    }
    const best = (xs: number[]) => Math.max(...xs);
    console.log(
      `audit replay: ${runs.length} histories, ${events} events per round; best of ${ROUNDS}: product ${Math.round(best(rates.product))} events/s, ` +
        `bare SDK ${Math.round(best(rates.bare))} events/s, ratio ${(best(rates.product) / best(rates.bare)).toFixed(2)}×`,
    );
  });
});
