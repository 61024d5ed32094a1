import { describe, expect, it } from 'vitest';
import { DomainRejection } from '../rejection';
import { addSpan } from './add-span';
import { workdays } from './time-span';
import { calendarOrWeekdays, WEEKDAY_CALENDAR, workCalendarOf } from './work-calendar';
import { calendarYearsBetween, workCalendarData, workCalendarVersion, type WorkCalendarYear } from './work-calendar-data';

/** The State Council's 2026 schedule as chinese-days@1.5.7 carries it (dist/years/2026.json). */
const YEAR_2026: WorkCalendarYear = {
  source: 'chinese-days@1.5.7',
  holidays: [
    ...['01-01', '01-02', '01-03'],
    ...['02-15', '02-16', '02-17', '02-18', '02-19', '02-20', '02-21', '02-22', '02-23'],
    ...['04-04', '04-05', '04-06', '05-01', '05-02', '05-03', '05-04', '05-05', '06-19', '06-20', '06-21'],
    ...['09-25', '09-26', '09-27', '10-01', '10-02', '10-03', '10-04', '10-05', '10-06', '10-07'],
  ].map((d) => `2026-${d}`),
  makeupWorkdays: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'].map((d) => `2026-${d}`),
};
const CALENDAR_2026 = workCalendarData({ '2026': YEAR_2026 });
const official = workCalendarOf(CALENDAR_2026);
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

function refusal(fn: () => unknown): DomainRejection {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainRejection) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('working days on the official calendar (工作日)', () => {
  it('counts 5 working days from Monday 2026-09-28 past National Day (10-01…07) onto the make-up Saturday 10-10', () => {
    expect(addSpan(at('2026-09-28'), workdays(5), official)).toEqual(at('2026-10-10'));
    // On plain weekdays the same deadline would fall in the holiday.
    expect(addSpan(at('2026-09-28'), workdays(5), WEEKDAY_CALENDAR)).toEqual(at('2026-10-05'));
  });

  it('counts a make-up Saturday (调休上班) as a working day', () => {
    expect(official.isWorkday(at('2026-10-10'))).toBe(true);
    expect(addSpan(at('2026-10-09'), workdays(1), official)).toEqual(at('2026-10-10'));
    expect(official.isWorkday(at('2026-10-17'))).toBe(false);
  });

  it('skips the Spring Festival (春节 02-15…23) and counts its make-up Saturday 02-14', () => {
    expect(addSpan(at('2026-02-12'), workdays(5), official)).toEqual(at('2026-02-26'));
  });

  it('counts backwards over a holiday too', () => {
    expect(addSpan(at('2026-10-08'), workdays(-3), official)).toEqual(at('2026-09-28'));
  });

  it('refuses a deadline that crosses into a year it does not cover, naming the year', () => {
    const rejection = refusal(() => addSpan(at('2026-12-20'), workdays(20), official));
    expect(rejection.code).toBe('calendar.year_not_covered');
    expect(rejection.kind).toBe('invalid');
    expect(rejection.message).toContain('2027年的工作日历尚未载入');
    expect(rejection.message).toContain('no official work calendar for 2027');
    expect(rejection.details).toEqual({ year: 2027 });
  });

  it('answers inside the covered year up to its last day, and calendar days need no calendar at all', () => {
    expect(addSpan(at('2026-12-28'), workdays(3), official)).toEqual(at('2026-12-31'));
    expect(addSpan(at('2026-12-28'), { amount: 30, unit: 'days' }, official)).toEqual(at('2027-01-27'));
  });

  it('carries its version; without data a workflow keeps the weekday calendar of old histories', () => {
    expect(official.version).toBe(CALENDAR_2026.version);
    expect(calendarOrWeekdays(undefined)).toBe(WEEKDAY_CALENDAR);
    expect(calendarOrWeekdays(CALENDAR_2026).version).toBe(CALENDAR_2026.version);
  });
});

describe('workCalendarVersion', () => {
  it('names each year and its source, and changes with the content', () => {
    const version = workCalendarVersion({ '2026': YEAR_2026 });
    expect(version).toMatch(/^2026:chinese-days@1\.5\.7#[0-9a-f]{12}$/);
    const moved = { ...YEAR_2026, holidays: [...YEAR_2026.holidays, '2026-12-31'] };
    expect(workCalendarVersion({ '2026': moved })).not.toBe(version);
  });

  it('does not depend on the order dates or years are listed in', () => {
    const reversed = { ...YEAR_2026, holidays: [...YEAR_2026.holidays].reverse() };
    const y2027: WorkCalendarYear = { source: 'office.v1', holidays: ['2027-01-01'], makeupWorkdays: [] };
    expect(workCalendarVersion({ '2026': reversed })).toBe(workCalendarVersion({ '2026': YEAR_2026 }));
    expect(workCalendarVersion({ '2027': y2027, '2026': YEAR_2026 })).toBe(workCalendarVersion({ '2026': YEAR_2026, '2027': y2027 }));
  });

  it('keeps only the years asked for, with a version of their own', () => {
    const y2027: WorkCalendarYear = { source: 'office.v1', holidays: ['2027-01-01'], makeupWorkdays: [] };
    const both = workCalendarData({ '2026': YEAR_2026, '2027': y2027 });
    const later = calendarYearsBetween(both, 2027);
    expect(Object.keys(later.years)).toEqual(['2027']);
    expect(later.version).toBe(workCalendarVersion({ '2027': y2027 }));
  });
});
