import { describe, expect, it } from 'vitest';
import { MEASURED_WORKER_MEMORY, maxCachedWorkflowsForBudget } from './worker-memory';

describe('the default workflow cache size', () => {
  it('keeps the measured worker (base + cached workflows) within 75% of the budget', () => {
    for (const budget of [512, 1024, 4096]) {
      const cached = maxCachedWorkflowsForBudget(budget);
      const rss = MEASURED_WORKER_MEMORY.baseRssMb + cached * MEASURED_WORKER_MEMORY.rssPerCachedWorkflowMb;
      expect(rss).toBeLessThanOrEqual(budget * 0.75);
      // and uses the room: one more workflow would not fit
      expect(rss + MEASURED_WORKER_MEMORY.rssPerCachedWorkflowMb).toBeGreaterThan(budget * 0.75);
    }
  });

  it('follows the figures it is given', () => {
    expect(maxCachedWorkflowsForBudget(1000, { baseRssMb: 150, rssPerCachedWorkflowMb: 0.5, measuredOn: 'x' })).toBe(1200);
    expect(maxCachedWorkflowsForBudget(200, { baseRssMb: 150, rssPerCachedWorkflowMb: 0.5, measuredOn: 'x' })).toBe(10);
  });
});
