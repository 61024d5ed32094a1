import { describe, expect, it } from 'vitest';
import { readWorkerEnv } from './worker-env';
import { maxCachedWorkflowsForBudget } from './worker-memory';

const base = { TEMPORAL_ADDRESS: '127.0.0.1:7233', DATABASE_URL: 'postgres://x' };

describe('readWorkerEnv', () => {
  it('names every missing variable at once, with a malformed one', () => {
    expect(() => readWorkerEnv({})).toThrow('missing environment variables TEMPORAL_ADDRESS, DATABASE_URL');
    expect(() => readWorkerEnv({ TEMPORAL_ADDRESS: 'a:1', DUBAN_WORKER_MAX_CACHED_WORKFLOWS: '0', TEMPORAL_TLS_CLIENT_KEY_PATH: '/k' })).toThrow(
      /^missing environment variable DATABASE_URL; DUBAN_WORKER_MAX_CACHED_WORKFLOWS must be a whole number ≥ 1, got "0"; mTLS needs both/,
    );
  });

  it('defaults: namespace default, plaintext, SDK log level INFO, queue duban, the cache from the 1 GiB budget', () => {
    expect(readWorkerEnv(base)).toEqual({
      temporal: { address: '127.0.0.1:7233', namespace: 'default' },
      databaseUrl: 'postgres://x',
      sdkLogLevel: 'INFO',
      tuning: {
        taskQueue: 'duban',
        memoryBudgetMb: 1024,
        maxCachedWorkflows: maxCachedWorkflowsForBudget(1024),
        maxConcurrentWorkflowTaskExecutions: 40,
        maxConcurrentActivityTaskExecutions: 100,
        maxConcurrentWorkflowTaskPolls: 10,
        maxConcurrentActivityTaskPolls: 10,
        shutdownGraceMs: 10_000,
        stickyQueueTimeoutMs: 3_000,
      },
    });
  });

  it('reads TEMPORAL_NAMESPACE, TEMPORAL_TLS, DUBAN_LOG_LEVEL and every tuning variable', () => {
    const env = readWorkerEnv({
      ...base,
      TEMPORAL_NAMESPACE: 'duban',
      TEMPORAL_TLS: 'true',
      DUBAN_LOG_LEVEL: 'warn',
      DUBAN_WORKER_IDENTITY: 'worker-a@host',
      DUBAN_TASK_QUEUE: 'duban-b',
      DUBAN_WORKER_MAX_CACHED_WORKFLOWS: '7',
      DUBAN_WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '20',
      DUBAN_WORKER_MAX_CONCURRENT_ACTIVITIES: '30',
      DUBAN_WORKER_WORKFLOW_POLLERS: '4',
      DUBAN_WORKER_ACTIVITY_POLLERS: '5',
      DUBAN_WORKER_SHUTDOWN_GRACE_MS: '2500',
      DUBAN_WORKER_STICKY_TIMEOUT_MS: '1500',
    });
    expect(env.temporal).toEqual({ address: '127.0.0.1:7233', namespace: 'duban', tls: {} });
    expect(env.sdkLogLevel).toBe('WARN');
    expect(env.tuning).toEqual({
      identity: 'worker-a@host',
      taskQueue: 'duban-b',
      memoryBudgetMb: 1024,
      maxCachedWorkflows: 7,
      maxConcurrentWorkflowTaskExecutions: 20,
      maxConcurrentActivityTaskExecutions: 30,
      maxConcurrentWorkflowTaskPolls: 4,
      maxConcurrentActivityTaskPolls: 5,
      shutdownGraceMs: 2500,
      stickyQueueTimeoutMs: 1500,
    });
    expect(readWorkerEnv({ ...base, DUBAN_LOG_LEVEL: 'DEBUG' }).sdkLogLevel).toBe('DEBUG');
    expect(() => readWorkerEnv({ ...base, DUBAN_LOG_LEVEL: 'loud' })).toThrow('DUBAN_LOG_LEVEL must be one of error, warn, info, debug, got "loud"');
  });

  it('the pollers follow smaller slot counts, and may not exceed them', () => {
    expect(
      readWorkerEnv({ ...base, DUBAN_WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '4', DUBAN_WORKER_MAX_CONCURRENT_ACTIVITIES: '3' }).tuning,
    ).toMatchObject({
      maxConcurrentWorkflowTaskPolls: 4,
      maxConcurrentActivityTaskPolls: 3,
    });
    expect(() => readWorkerEnv({ ...base, DUBAN_WORKER_MAX_CONCURRENT_ACTIVITIES: '3', DUBAN_WORKER_ACTIVITY_POLLERS: '5' })).toThrow(
      'DUBAN_WORKER_ACTIVITY_POLLERS (5) cannot exceed the activity slots (3)',
    );
    expect(() => readWorkerEnv({ ...base, DUBAN_WORKER_WORKFLOW_POLLERS: '1' })).toThrow('DUBAN_WORKER_WORKFLOW_POLLERS must be a whole number ≥ 2');
  });

  it('a smaller memory budget gives a smaller default cache, never below 10', () => {
    const cache = (budget: string) => readWorkerEnv({ ...base, DUBAN_WORKER_MEMORY_BUDGET_MB: budget }).tuning.maxCachedWorkflows;
    expect(cache('512')).toBeLessThan(cache('1024'));
    expect(cache('2048')).toBeGreaterThan(cache('1024'));
    expect(cache('64')).toBe(10);
    expect(() => readWorkerEnv({ ...base, DUBAN_WORKER_MEMORY_BUDGET_MB: '1GB' })).toThrow(
      'DUBAN_WORKER_MEMORY_BUDGET_MB must be a whole number ≥ 64',
    );
  });
});
