import { describe, expect, it } from 'vitest';
import { cstDate, cstDayEnd, cstDayStart, cstIsoWeekday, isCstDay, parseCstDay } from './china-day';

describe('China calendar days (UTC+8)', () => {
  it('puts 16:00Z on the next China day and 15:59Z on the same one', () => {
    expect(cstDate(new Date('2026-06-01T15:59:59Z'))).toBe('2026-06-01');
    expect(cstDate(new Date('2026-06-01T16:00:00Z'))).toBe('2026-06-02');
  });

  it('starts a day at 00:00 +08:00 and ends it 24 hours later', () => {
    expect(cstDayStart('2026-06-01').toISOString()).toBe('2026-05-31T16:00:00.000Z');
    expect(cstDayEnd('2026-06-01').toISOString()).toBe('2026-06-01T16:00:00.000Z');
  });

  it('accepts only real calendar days', () => {
    expect(isCstDay('2026-02-28')).toBe(true);
    expect(isCstDay('2028-02-29')).toBe(true);
    expect(isCstDay('2026-02-29')).toBe(false);
    expect(isCstDay('2026-2-1')).toBe(false);
    expect(isCstDay(20260201)).toBe(false);
    expect(() => parseCstDay('2026-13-01', 'date')).toThrow(/date "2026-13-01" is not a calendar day/);
    expect(() => cstDayStart('nope')).toThrow(RangeError);
  });

  it('names the weekday in China time', () => {
    // 2026-06-01 is a Monday in China; at 23:00 on Sunday UTC it is already Monday there.
    expect(cstIsoWeekday(new Date('2026-05-31T17:00:00Z'))).toBe(1);
    expect(cstIsoWeekday(new Date('2026-06-07T04:00:00Z'))).toBe(7);
  });
});
