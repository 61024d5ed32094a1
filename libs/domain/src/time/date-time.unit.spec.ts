import { describe, expect, it } from 'vitest';
import { isDateTime } from './date-time';

describe('isDateTime (RFC 3339)', () => {
  it('accepts every form RFC 3339 allows that JavaScript can read: early years, any offset, long fractions, lower-case t and z', () => {
    for (const text of [
      '2026-12-01T08:00:00Z',
      '0006-10-14T06:45:56.838Z',
      '0088-12-19T19:14:22+22:29',
      '9999-12-31T23:59:59.999999-23:59',
      '2026-01-01t00:00:00z',
      '2028-02-29T00:00:00+08:00',
    ]) {
      expect(isDateTime(text), text).toBe(true);
    }
  });

  it('refuses what is not one: no zone, no seconds, an impossible day or time, a date alone', () => {
    for (const text of [
      '2026-12-01T08:00:00',
      '2026-12-01T08:00Z',
      '2026-02-30T00:00:00Z',
      '2027-02-29T00:00:00Z',
      '2026-12-01T24:00:00Z',
      '2026-12-01T23:59:60Z',
      '2026-12-01',
      'next week',
      42,
    ]) {
      expect(isDateTime(text), String(text)).toBe(false);
    }
  });
});
