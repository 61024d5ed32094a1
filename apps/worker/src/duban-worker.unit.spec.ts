import { describe, expect, it } from 'vitest';
import { maxCachedWorkflowsFromEnv } from './duban-worker';

describe('DUBAN_WORKER_MAX_CACHED_WORKFLOWS', () => {
  it('is optional, and must be a positive whole number when set', () => {
    expect(maxCachedWorkflowsFromEnv({})).toBeUndefined();
    expect(maxCachedWorkflowsFromEnv({ DUBAN_WORKER_MAX_CACHED_WORKFLOWS: '500' })).toBe(500);
    expect(() => maxCachedWorkflowsFromEnv({ DUBAN_WORKER_MAX_CACHED_WORKFLOWS: '0' })).toThrow(/DUBAN_WORKER_MAX_CACHED_WORKFLOWS/);
    expect(() => maxCachedWorkflowsFromEnv({ DUBAN_WORKER_MAX_CACHED_WORKFLOWS: 'lots' })).toThrow(/positive whole number/);
  });
});
