import { describe, expect, it } from 'vitest';
import { PinoTemporalLogger, workerLog } from './worker-log';

/** The lines a logger at `level` writes, parsed. */
function capture(level: Parameters<typeof workerLog>[0]) {
  const raw: string[] = [];
  const log = workerLog(level, { write: (chunk: string) => void raw.push(...chunk.split('\n').filter(Boolean)) });
  return { log, lines: () => raw.map((line) => JSON.parse(line)) };
}

describe('the worker’s log', () => {
  it('writes the Temporal SDK’s lines as JSON, with their metadata as fields', () => {
    const { log, lines } = capture('INFO');
    const sdk = new PinoTemporalLogger(log);
    sdk.info('Worker state changed', { sdkComponent: 'worker', taskQueue: 'duban', state: 'RUNNING' });
    sdk.log('WARN', 'Activity failed', { sdkComponent: 'activity', activityType: 'recordHazard', error: new Error('ledger unreachable') });
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 'info',
        service: 'duban-worker',
        msg: 'Worker state changed',
        sdkComponent: 'worker',
        taskQueue: 'duban',
        state: 'RUNNING',
      }),
      expect.objectContaining({
        level: 'warn',
        msg: 'Activity failed',
        activityType: 'recordHazard',
        error: expect.objectContaining({ message: 'ledger unreachable', type: 'Error' }),
      }),
    ]);
    expect(new Date(lines()[0].time).toISOString()).toBe(lines()[0].time);
  });

  it('keeps to the level DUBAN_LOG_LEVEL set', () => {
    const { log, lines } = capture('WARN');
    const sdk = new PinoTemporalLogger(log);
    sdk.trace('t');
    sdk.debug('d');
    sdk.info('i');
    sdk.warn('w');
    sdk.error('e');
    expect(lines().map((l) => [l.level, l.msg])).toEqual([
      ['warn', 'w'],
      ['error', 'e'],
    ]);
  });
});
