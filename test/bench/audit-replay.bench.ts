import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { replayHistories, type WorkflowRun } from '@duban/audit';
import { sharedWorkflowBundle } from '../setup/shared-workflow-bundle';
import { HISTORY_FIXTURES_DIR, readHistoryFixture } from '../support/histories';

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
    const fixtures = readdirSync(HISTORY_FIXTURES_DIR).filter((f) => f.endsWith('.history.pb'));
    const runs: WorkflowRun[] = fixtures.flatMap((file) => {
      const history = readHistoryFixture(readFileSync(path.join(HISTORY_FIXTURES_DIR, file)));
      return Array.from({ length: COPIES }, (_, i) => ({
        workflowId: `${path.basename(file, '.history.pb')}-${i}`,
        runId: `bench-${i}`,
        history,
        eventCount: history.events.length,
      }));
    });
    const events = runs.reduce((sum, r) => sum + r.eventCount, 0);
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
