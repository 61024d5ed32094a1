import { describe, expect, it } from 'vitest';
import { missingFiveInPlace, type RectificationPlan } from './rectification-plan';

const now = new Date('2026-11-01T00:00:00Z');
const hazardDeadline = new Date('2026-12-01T00:00:00Z');
const complete: RectificationPlan = {
  responsiblePerson: '王建国 (项目经理)',
  measures: '更换脚手架连墙件，设置防护栏杆',
  funds: { amountYuan: 12000, source: '企业安全生产费用' },
  deadline: '2026-11-20T00:00:00Z',
  contingencyPlan: '整改期间停止高处作业，专人监护',
};

describe('五到位 check (missingFiveInPlace)', () => {
  it('accepts a complete plan', () => {
    expect(missingFiveInPlace(complete, hazardDeadline, now)).toEqual([]);
  });

  it('names every missing item at once, in the order users recite them', () => {
    expect(missingFiveInPlace({ measures: 'x', deadline: complete.deadline }, hazardDeadline, now)).toEqual([
      'responsibility',
      'funds',
      'contingency',
    ]);
    expect(missingFiveInPlace(undefined, hazardDeadline, now)).toEqual(['responsibility', 'measures', 'funds', 'deadline', 'contingency']);
  });

  it('treats blank text, negative or missing funds, and a fund without source as missing', () => {
    expect(missingFiveInPlace({ ...complete, responsiblePerson: '  ' }, hazardDeadline, now)).toEqual(['responsibility']);
    expect(missingFiveInPlace({ ...complete, funds: { amountYuan: -1, source: 'x' } }, hazardDeadline, now)).toEqual(['funds']);
    expect(missingFiveInPlace({ ...complete, funds: { amountYuan: 100, source: '' } }, hazardDeadline, now)).toEqual(['funds']);
    expect(missingFiveInPlace({ ...complete, funds: { amountYuan: 0, source: '自有资金，无需投入' } }, hazardDeadline, now)).toEqual([]);
  });

  it('refuses a plan deadline in the past or after the hazard deadline', () => {
    expect(missingFiveInPlace({ ...complete, deadline: '2026-10-01T00:00:00Z' }, hazardDeadline, now)).toEqual(['deadline']);
    expect(missingFiveInPlace({ ...complete, deadline: '2026-12-02T00:00:00Z' }, hazardDeadline, now)).toEqual(['deadline']);
    expect(missingFiveInPlace({ ...complete, deadline: 'next week' }, hazardDeadline, now)).toEqual(['deadline']);
  });
});
