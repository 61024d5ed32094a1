import { describe, expect, it } from 'vitest';
import { addSpan } from './add-span';
import { OfficialWorkCalendar, WEEKDAY_CALENDAR } from './work-calendar';

// 2026-09-30 10:00 CST is a Wednesday.
const wednesday = new Date('2026-09-30T02:00:00Z');

describe('addSpan (期限计算)', () => {
  it('adds calendar hours and days, forwards and backwards', () => {
    expect(addSpan(wednesday, { amount: 5, unit: 'hours' }).toISOString()).toBe('2026-09-30T07:00:00.000Z');
    expect(addSpan(wednesday, { amount: 30, unit: 'days' }).toISOString()).toBe('2026-10-30T02:00:00.000Z');
    expect(addSpan(wednesday, { amount: -3, unit: 'days' }).toISOString()).toBe('2026-09-27T02:00:00.000Z');
  });

  it('skips weekends for working days, keeping the time of day', () => {
    // Wed + 3 working days = Mon (Thu, Fri, Mon).
    expect(addSpan(wednesday, { amount: 3, unit: 'workdays' }, WEEKDAY_CALENDAR).toISOString()).toBe('2026-10-05T02:00:00.000Z');
    expect(addSpan(wednesday, { amount: -3, unit: 'workdays' }, WEEKDAY_CALENDAR).toISOString()).toBe('2026-09-25T02:00:00.000Z');
  });

  it('honours official holidays and 调休 make-up workdays', () => {
    // National Day 2026: 1–7 October off, Saturday 10 October worked.
    const holidays = ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'];
    const calendar = new OfficialWorkCalendar(holidays, ['2026-10-10']);
    // Thu 1 .. Wed 7 off (Sat/Sun 3–4 weekend), Thu 8, Fri 9, Sat 10 (make-up) are the first three.
    expect(addSpan(wednesday, { amount: 3, unit: 'workdays' }, calendar).toISOString()).toBe('2026-10-10T02:00:00.000Z');
  });

  it('judges the working day in China Standard Time, not UTC', () => {
    // Friday 2026-10-02 23:00 UTC is already Saturday 07:00 in Beijing.
    expect(WEEKDAY_CALENDAR.isWorkday(new Date('2026-10-02T23:00:00Z'))).toBe(false);
    expect(WEEKDAY_CALENDAR.isWorkday(new Date('2026-10-02T15:00:00Z'))).toBe(true);
  });

  it('refuses fractional working days and non-finite amounts', () => {
    expect(() => addSpan(wednesday, { amount: 1.5, unit: 'workdays' })).toThrow(/whole/);
    expect(() => addSpan(wednesday, { amount: Number.NaN, unit: 'days' })).toThrow(/finite/);
  });
});
