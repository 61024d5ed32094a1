import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { loadAuditReplayBundle, loadReplayBundle, replayCapturingProjections } from '@duban/audit';
import { quantile, reportFigure } from './bench-figures';
import { replayFixtureRuns } from './replay-fixture-runs';

/**
 * Where verify's capturing replay spends more than a bare one, over the committed fixtures
 * (repeated to COPIES of each), three ways in alternating rounds: the production bundle bare; the
 * audit bundle (its projection interceptor) with a sink that does nothing — the interceptor and
 * the SDK's sink calls; and the audit bundle capturing (ProjectionCapture) — what verify runs.
 */
const COPIES = Number(process.env.DUBAN_BENCH_REPLAY_COPIES ?? 10);
const ROUNDS = 3;

describe('the capturing replay’s cost, taken apart', () => {
  it('prints bare, interceptor-only and capturing replay rates of the same histories', async () => {
    const [production, audit] = await Promise.all([loadReplayBundle(), loadAuditReplayBundle()]);
    const { runs, events } = replayFixtureRuns(COPIES);
    const replayAll = async (options: Parameters<typeof Worker.runReplayHistories>[0]) => {
      let ok = 0;
      for await (const result of Worker.runReplayHistories(options, runs as never)) if (!result.error) ok++;
      return ok;
    };
    const noOpSink = { auditProjections: { projected: { fn: () => undefined, callDuringReplay: true } } };
    const seconds = { bare: [] as number[], interceptor: [] as number[], capturing: [] as number[] };
    await replayAll({ workflowBundle: production, replayName: 'warm-up' });
    for (let round = 0; round < ROUNDS; round++) {
      let t = performance.now();
      expect(await replayAll({ workflowBundle: production, replayName: 'bench-bare' })).toBe(runs.length);
      seconds.bare.push((performance.now() - t) / 1000);
      t = performance.now();
      expect(await replayAll({ workflowBundle: audit, replayName: 'bench-interceptor', sinks: noOpSink as never })).toBe(runs.length);
      seconds.interceptor.push((performance.now() - t) / 1000);
      t = performance.now();
      const captured = await replayCapturingProjections(audit, runs);
      seconds.capturing.push((performance.now() - t) / 1000);
      expect(captured.runs.every((r) => r.ok)).toBe(true);
    }
    const median = (xs: number[]) => quantile(xs, 0.5);
    console.log(
      `capture cost over ${runs.length} fixture runs (${events} events), ${ROUNDS} alternating rounds, seconds: ` +
        Object.entries(seconds)
          .map(([k, xs]) => `${k} ${xs.map((x) => x.toFixed(2)).join('/')}`)
          .join('; '),
    );
    const bench = 'audit-capture-cost';
    const bare = events / median(seconds.bare);
    for (const [figure, xs] of [
      ['interceptor and sink calls only (audit bundle, no-op sink) vs bare', seconds.interceptor],
      ['capturing replay (what verify runs) vs bare', seconds.capturing],
    ] as const)
      reportFigure({
        bench,
        figure,
        unit: 'events/s',
        product: events / median(xs),
        baseline: bare,
        ratio: events / median(xs) / bare,
        goal: '≥ 0.9',
      });
  });
});
