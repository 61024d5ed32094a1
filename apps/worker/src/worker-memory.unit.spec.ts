import { describe, expect, it } from 'vitest';
import { heaviestCachedWorkflowMb, MEASURED_WORKER_MEMORY, maxCachedWorkflowsForBudget } from './worker-memory';

describe('the default workflow cache size', () => {
  it('keeps the measured worker (base + a cache full of the heaviest kind) within 75% of the budget', () => {
    const heaviest = heaviestCachedWorkflowMb();
    for (const budget of [512, 1024, 4096]) {
      const cached = maxCachedWorkflowsForBudget(budget);
      for (const perWorkflow of Object.values(MEASURED_WORKER_MEMORY.rssPerCachedWorkflowMb))
        expect(MEASURED_WORKER_MEMORY.baseRssMb + cached * perWorkflow).toBeLessThanOrEqual(budget * 0.75);
      // and uses the room: one more workflow of the heaviest kind would not fit
      expect(MEASURED_WORKER_MEMORY.baseRssMb + (cached + 1) * heaviest).toBeGreaterThan(budget * 0.75);
    }
  });

  it('is sized by the heaviest kind, whichever it is', () => {
    const figures = (hazard: number, unitObligations: number) => ({
      baseRssMb: 150,
      rssPerCachedWorkflowMb: { hazard, unitObligations },
      measuredOn: 'x',
    });
    expect(maxCachedWorkflowsForBudget(1000, figures(0.5, 0.25))).toBe(1200);
    expect(maxCachedWorkflowsForBudget(1000, figures(0.25, 0.5))).toBe(1200);
    expect(maxCachedWorkflowsForBudget(1000, figures(0.25, 0.25))).toBe(2400);
    expect(maxCachedWorkflowsForBudget(200, figures(0.5, 0.5))).toBe(10);
  });
});
