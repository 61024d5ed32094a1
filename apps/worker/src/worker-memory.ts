/**
 * What a Duban worker process costs in memory, measured by test/bench/worker-memory.bench.ts
 * (`npm run bench`): the real worker process, one fresh process per kind, its cache filled with
 * N open workflows of that kind, its RSS read from /proc after each fill. Re-measure after a
 * change to the workflows or the SDK.
 */
export type CachedWorkflowKind = 'hazard' | 'unitObligations';

export interface WorkerMemoryFigures {
  /** RSS of a worker polling with an empty cache (bundle loaded, connections open). */
  baseRssMb: number;
  /** RSS added per cached workflow, for each kind a worker holds by the thousand. */
  rssPerCachedWorkflowMb: Record<CachedWorkflowKind, number>;
  measuredOn: string;
}

export const MEASURED_WORKER_MEMORY: WorkerMemoryFigures = {
  // 50 / 400 / 800 cached: hazards 284 / 399 / 496 MB, units 280 / 379 / 456 MB. Before the domain
  // was shared (SHARED_WORKFLOW_MODULES): 0.68 and 0.69 MB per workflow.
  baseRssMb: 303,
  rssPerCachedWorkflowMb: { hazard: 0.242, unitObligations: 0.191 },
  measuredOn: '2026-12-03, 2 cores, TS SDK 1.24.0, the domain preloaded once per worker',
};

/** DUBAN_WORKER_MEMORY_BUDGET_MB's default: 1 GiB per worker process. */
export const DEFAULT_WORKER_MEMORY_BUDGET_MB = 1024;

/** Kept free within the budget for what the cache does not account for (activities in flight, GC slack, replay of a long history). */
export const MEMORY_HEADROOM_FRACTION = 0.25;

/**
 * The cost the cache is sized by: the heaviest kind's. Which kinds fill a cache depends on the
 * day (a campaign's launch fills it with units, a hazard sweep with hazards), and a budget must
 * hold whatever the mix.
 */
export function heaviestCachedWorkflowMb(figures: WorkerMemoryFigures = MEASURED_WORKER_MEMORY): number {
  return Math.max(...Object.values(figures.rssPerCachedWorkflowMb));
}

/**
 * The workflow cache size that keeps a worker under `budgetMb`: what is left of the budget after
 * the base RSS and the headroom, divided by the measured cost of one cached workflow of the
 * heaviest kind. At least 10 (the SDK's own floor): below that, a campaign's units replay on
 * almost every task.
 */
export function maxCachedWorkflowsForBudget(budgetMb: number, figures: WorkerMemoryFigures = MEASURED_WORKER_MEMORY): number {
  const usable = budgetMb * (1 - MEMORY_HEADROOM_FRACTION) - figures.baseRssMb;
  return Math.max(10, Math.floor(usable / heaviestCachedWorkflowMb(figures)));
}
