import { describe, expect, it } from 'vitest';
import { readWorkerEnv } from './worker-env';

const base = { TEMPORAL_ADDRESS: '127.0.0.1:7233', DATABASE_URL: 'postgres://x' };

describe('readWorkerEnv', () => {
  it('names every missing variable at once, with a malformed one', () => {
    expect(() => readWorkerEnv({})).toThrow('missing environment variables TEMPORAL_ADDRESS, DATABASE_URL');
    expect(() => readWorkerEnv({ TEMPORAL_ADDRESS: 'a:1', DUBAN_WORKER_MAX_CACHED_WORKFLOWS: '0' })).toThrow(
      /^missing environment variable DATABASE_URL; DUBAN_WORKER_MAX_CACHED_WORKFLOWS must be a positive whole number/,
    );
  });

  it('defaults the namespace to default, the cache to the SDK and the SDK log level to INFO', () => {
    expect(readWorkerEnv(base)).toEqual({
      temporal: { address: '127.0.0.1:7233', namespace: 'default' },
      databaseUrl: 'postgres://x',
      sdkLogLevel: 'INFO',
    });
  });

  it('reads TEMPORAL_NAMESPACE, DUBAN_WORKER_MAX_CACHED_WORKFLOWS and DUBAN_LOG_LEVEL', () => {
    expect(readWorkerEnv({ ...base, TEMPORAL_NAMESPACE: 'duban', DUBAN_WORKER_MAX_CACHED_WORKFLOWS: '7', DUBAN_LOG_LEVEL: 'warn' })).toEqual({
      temporal: { address: '127.0.0.1:7233', namespace: 'duban' },
      databaseUrl: 'postgres://x',
      maxCachedWorkflows: 7,
      sdkLogLevel: 'WARN',
    });
    expect(readWorkerEnv({ ...base, DUBAN_LOG_LEVEL: 'DEBUG' }).sdkLogLevel).toBe('DEBUG');
    expect(readWorkerEnv({ ...base, DUBAN_LOG_LEVEL: 'error' }).sdkLogLevel).toBe('ERROR');
    expect(() => readWorkerEnv({ ...base, DUBAN_LOG_LEVEL: 'loud' })).toThrow('DUBAN_LOG_LEVEL must be one of error, warn, info, debug, got "loud"');
  });
});
