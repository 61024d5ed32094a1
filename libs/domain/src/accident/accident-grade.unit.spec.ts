import { describe, expect, it } from 'vitest';
import { gradeAccident, higherGrade, NATIONAL_GRADING_POLICY, type Casualties } from './accident-grade';

const none: Casualties = { deaths: 0, missing: 0, seriousInjuries: 0, directLossYuan: 0 };
const grade = (c: Partial<Casualties>) => gradeAccident({ ...none, ...c }).grade;

describe('事故等级 by the national thresholds (以上 includes the number, 以下 excludes it)', () => {
  it('grades deaths at every edge: 2/3, 9/10, 29/30', () => {
    expect([0, 2, 3, 9, 10, 29, 30, 45].map((deaths) => grade({ deaths }))).toEqual([
      'general',
      'general',
      'larger',
      'larger',
      'major',
      'major',
      'extraordinarily_major',
      'extraordinarily_major',
    ]);
  });

  it('grades serious injuries (incl. acute industrial poisoning) at every edge: 9/10, 49/50, 99/100', () => {
    expect([9, 10, 49, 50, 99, 100].map((seriousInjuries) => grade({ seriousInjuries }))).toEqual([
      'general',
      'larger',
      'larger',
      'major',
      'major',
      'extraordinarily_major',
    ]);
  });

  it('grades direct loss in whole yuan just under and at 10 M, 50 M and 100 M', () => {
    expect([9_999_999, 10_000_000, 49_999_999, 50_000_000, 99_999_999, 100_000_000].map((directLossYuan) => grade({ directLossYuan }))).toEqual([
      'general',
      'larger',
      'larger',
      'major',
      'major',
      'extraordinarily_major',
    ]);
  });

  it('takes the highest grade any criterion reaches, and names the criteria that reach it', () => {
    expect(gradeAccident({ deaths: 2, missing: 0, seriousInjuries: 55, directLossYuan: 12_000_000 })).toEqual({
      grade: 'major',
      reachedBy: ['seriousInjuries'],
    });
    expect(gradeAccident({ deaths: 3, missing: 0, seriousInjuries: 10, directLossYuan: 0 })).toEqual({
      grade: 'larger',
      reachedBy: ['deaths', 'seriousInjuries'],
    });
    expect(gradeAccident(none)).toEqual({ grade: 'general', reachedBy: [] });
  });

  it('counts the missing toward deaths by default, and not when the policy says otherwise', () => {
    expect(grade({ deaths: 2, missing: 1 })).toBe('larger');
    expect(gradeAccident({ ...none, deaths: 2, missing: 1 }, { ...NATIONAL_GRADING_POLICY, missingCountAsDeaths: false }).grade).toBe('general');
    expect(NATIONAL_GRADING_POLICY.source).toContain('第三条');
  });

  it('compares grades', () => {
    expect(higherGrade('larger', 'major')).toBe('major');
    expect(higherGrade('extraordinarily_major', 'general')).toBe('extraordinarily_major');
  });
});
