import { describe, expect, it } from 'vitest';
import { addSpan, validateCalendarYear, workCalendarData, workCalendarOf, workdays } from '@duban/domain';
import { OFFICIAL_SCHEDULE_SOURCE, officialScheduleYears } from './official-schedule';

const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

describe('the official schedule from chinese-days', () => {
  const years = officialScheduleYears();

  it('carries the years through 2026, labelled with the package version', () => {
    expect(OFFICIAL_SCHEDULE_SOURCE).toBe('chinese-days@1.5.7');
    expect(Object.keys(years).at(-1)).toBe('2026');
    expect(years['2026']!.source).toBe('chinese-days@1.5.7');
    expect(years['2027']).toBeUndefined();
  });

  it('holds 2026 National Day (10-01…07) and its make-up days (09-20, 10-10)', () => {
    expect(years['2026']!.holidays.filter((d) => d.startsWith('2026-10'))).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `2026-10-0${n}`));
    expect(years['2026']!.makeupWorkdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('5 working days from 2026-09-28 on it land on the make-up Saturday 2026-10-10', () => {
    const calendar = workCalendarOf(workCalendarData({ '2026': years['2026']! }));
    expect(addSpan(at('2026-09-28'), workdays(5), calendar)).toEqual(at('2026-10-10'));
  });

  it('passes the checks an office-loaded year passes (recent years)', () => {
    for (const year of ['2024', '2025', '2026']) expect(() => validateCalendarYear(Number(year), years[year]!)).not.toThrow();
  });
});
