/**
 * What a Duban worker process costs in memory, measured by test/bench/worker-memory.bench.ts
 * (`npm run bench`): the real worker process, its cache filled with N open hazard workflows,
 * its RSS read from /proc. Re-measure after a change to the workflows or the SDK.
 */
export const MEASURED_WORKER_MEMORY = {
  /** RSS of a worker polling with an empty cache (bundle loaded, connections open). 50 cached: 249 MB. */
  baseRssMb: 236,
  /** RSS added per cached workflow (slope between two fills: 400 cached, 343 MB), ~275 KB. */
  rssPerCachedWorkflowMb: 0.27,
  measuredOn: '2026-12-01, 2 cores, TS SDK 1.24.0, open hazard workflows',
};

/** DUBAN_WORKER_MEMORY_BUDGET_MB's default: 1 GiB per worker process. */
export const DEFAULT_WORKER_MEMORY_BUDGET_MB = 1024;

/** Kept free within the budget for what the cache does not account for (activities in flight, GC slack, replay of a long history). */
export const MEMORY_HEADROOM_FRACTION = 0.25;

/**
 * The workflow cache size that keeps a worker under `budgetMb`: what is left of the budget after
 * the base RSS and the headroom, divided by the measured cost of one cached workflow. At least 10
 * (the SDK's own floor): below that, a campaign's units replay on almost every task.
 */
export function maxCachedWorkflowsForBudget(budgetMb: number, figures = MEASURED_WORKER_MEMORY): number {
  const usable = budgetMb * (1 - MEMORY_HEADROOM_FRACTION) - figures.baseRssMb;
  return Math.max(10, Math.floor(usable / figures.rssPerCachedWorkflowMb));
}
