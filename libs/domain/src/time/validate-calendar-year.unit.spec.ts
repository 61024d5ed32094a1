import { describe, expect, it } from 'vitest';
import { DomainRejection } from '../rejection';
import { parseCalendarYear, validateCalendarYear } from './validate-calendar-year';

function refusal(fn: () => unknown): { code: string; field?: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainRejection) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('validateCalendarYear (an office loads a year)', () => {
  it('accepts a year and answers both lists sorted', () => {
    expect(validateCalendarYear(2027, { holidays: ['2027-01-02', '2027-01-01'], makeupWorkdays: ['2027-02-06'] })).toEqual({
      holidays: ['2027-01-01', '2027-01-02'],
      makeupWorkdays: ['2027-02-06'],
    });
  });

  it('refuses a date outside the year, naming the field', () => {
    expect(refusal(() => validateCalendarYear(2027, { holidays: ['2027-01-01', '2026-12-31'], makeupWorkdays: [] }))).toEqual({
      code: 'calendar.date_outside_year',
      field: 'holidays[1]',
    });
  });

  it('refuses a day that does not exist or is not YYYY-MM-DD', () => {
    expect(refusal(() => validateCalendarYear(2027, { holidays: ['2027-02-30'], makeupWorkdays: [] }))).toEqual({
      code: 'input.malformed',
      field: 'holidays[0]',
    });
    expect(refusal(() => validateCalendarYear(2027, { holidays: [], makeupWorkdays: ['6 Feb'] })).field).toBe('makeupWorkdays[0]');
  });

  it('refuses a holiday listed twice', () => {
    expect(refusal(() => validateCalendarYear(2027, { holidays: ['2027-01-01', '2027-01-01'], makeupWorkdays: [] }))).toEqual({
      code: 'calendar.date_duplicated',
      field: 'holidays[1]',
    });
  });

  it('refuses a day that is both a holiday and a make-up day', () => {
    expect(refusal(() => validateCalendarYear(2027, { holidays: ['2027-02-06'], makeupWorkdays: ['2027-02-06'] }))).toEqual({
      code: 'calendar.holiday_and_makeup',
      field: 'makeupWorkdays[0]',
    });
  });

  it('refuses a make-up day on a weekday (2027-02-08 is a Monday)', () => {
    expect(refusal(() => validateCalendarYear(2027, { holidays: [], makeupWorkdays: ['2027-02-07', '2027-02-08'] }))).toEqual({
      code: 'calendar.makeup_not_weekend',
      field: 'makeupWorkdays[1]',
    });
  });

  it('refuses lists that are not lists', () => {
    expect(refusal(() => validateCalendarYear(2027, { holidays: '2027-01-01' as never, makeupWorkdays: [] }))).toEqual({
      code: 'input.not_a_list',
      field: 'holidays',
    });
  });
});

describe('parseCalendarYear', () => {
  it('takes a 4-digit year in range, as number or path text', () => {
    expect(parseCalendarYear('2027')).toBe(2027);
    expect(parseCalendarYear(2027)).toBe(2027);
    expect(refusal(() => parseCalendarYear('20270')).code).toBe('calendar.year_out_of_range');
    expect(refusal(() => parseCalendarYear(1999)).code).toBe('calendar.year_out_of_range');
  });
});
