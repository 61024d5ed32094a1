import { afterEach, describe, expect, it, vi } from 'vitest';
import { chinaTimeInputValue, cst, instantFromChinaTime } from './china-time';

describe('the workspace’s times are China Standard Time (北京时间), whatever the browser’s zone', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('reads a datetime-local value as China time: 09:00 is 01:00Z, in UTC as in New York', () => {
    vi.stubEnv('TZ', 'America/New_York');
    // The zone took: the browser's own reading of the same text would be New York's 09:00.
    expect(new Date('2026-12-03T09:00').toISOString()).toBe('2026-12-03T14:00:00.000Z');
    for (const tz of ['UTC', 'America/New_York', 'Asia/Shanghai']) {
      vi.stubEnv('TZ', tz);
      expect(instantFromChinaTime('2026-12-03T09:00'), tz).toBe('2026-12-03T01:00:00.000Z');
      expect(instantFromChinaTime('2026-12-03T07:30:15'), tz).toBe('2026-12-02T23:30:15.000Z');
    }
  });

  it('answers nothing for a blank or malformed value rather than a shifted guess', () => {
    expect(instantFromChinaTime('')).toBeUndefined();
    expect(instantFromChinaTime('2026-12-03')).toBeUndefined();
    expect(instantFromChinaTime('2026-13-40T25:00')).toBeUndefined();
  });

  it('shows an instant as China time, in an input and in text, and round-trips', () => {
    vi.stubEnv('TZ', 'UTC');
    expect(chinaTimeInputValue('2026-12-03T01:00:00.000Z')).toBe('2026-12-03T09:00');
    expect(chinaTimeInputValue(new Date('2026-12-02T23:30:15Z'), true)).toBe('2026-12-03T07:30:15');
    expect(instantFromChinaTime(chinaTimeInputValue('2026-06-30T16:00:00.000Z'))).toBe('2026-06-30T16:00:00.000Z');
    expect(cst('2026-12-03T01:00:00.000Z')).toBe('2026/12/3 09:00:00');
    expect(cst(undefined)).toBe('—');
  });
});
