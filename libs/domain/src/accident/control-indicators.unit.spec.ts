import { describe, expect, it } from 'vitest';
import type { AccidentFact } from './accident-facts';
import { checkControlIndicators, seedCityControlIndicators, type ControlIndicator } from './control-indicators';

let n = 0;
function death(day: string, deaths: number, over: Partial<AccidentFact> = {}): AccidentFact {
  n += 1;
  return {
    accidentId: `d-${n}`,
    occurredAt: `${day}T02:00:00.000Z`,
    day,
    regionId: 'city-x',
    unitId: 'u',
    kind: 'road_traffic',
    sector: 'road_traffic',
    grade: 'general',
    deaths,
    concealment: [],
    ...over,
  };
}

describe('控制指标: the monthly check', () => {
  it('seed 000: 50 deaths in January–August against the province’s cap stand at 43.86%', () => {
    const cap: ControlIndicator = {
      id: 'meishan-deaths',
      regionId: 'city-x',
      year: 2026,
      label: '死亡人数',
      measure: 'deaths',
      cap: 114,
      source: 'seed 000',
    };
    const facts = [death('2026-02-10', 20), death('2026-05-03', 18), death('2026-08-30', 12), death('2026-09-02', 7)];
    const [check] = checkControlIndicators([cap], facts, '2026-08');
    expect(check).toMatchObject({ used: 50, sharePercent: 43.86, status: 'within' });
    expect(check.accidentIds).toHaveLength(3);
  });

  it('warns at the office’s threshold, and breaches past the cap with accountability and 一票否决 (002 篇六)', () => {
    const caps = seedCityControlIndicators('city-x', 2026);
    const facts = [
      death('2026-03-01', 30),
      death('2026-04-01', 5, { sector: 'industry_trade', kind: 'collapse' }),
      death('2026-05-01', 3, { sector: 'industry_trade', kind: 'poisoning_asphyxiation', grade: 'larger' }),
      death('2026-06-01', 1, { sector: 'other', kind: 'drowning' }),
    ];
    const may = checkControlIndicators(caps, facts, '2026-05');
    expect(may.map((c) => [c.indicator.label.split(' ')[0], c.used, c.status, c.warningAt])).toEqual([
      ['各类事故死亡人数', 38, 'warning', 0.6],
      ['工矿商贸事故死亡人数', 8, 'breach', undefined],
      ['较大事故起数', 1, 'warning', 1],
    ]);
    expect(may[1].breach).toEqual({ instrument: 'accountability', veto: true });
    const february = checkControlIndicators(caps, facts, '2026-02');
    expect(february.map((c) => [c.used, c.status])).toEqual([
      [0, 'within'],
      [0, 'within'],
      [0, 'within'],
    ]);
    const april = checkControlIndicators(caps, facts, '2026-04');
    expect(april.map((c) => c.status)).toEqual(['warning', 'warning', 'within']);
    expect(april[1]).toMatchObject({ used: 5, warningAt: 0.8 });
  });

  it('counts only the cap’s own region and year, and any use of a zero cap as a breach', () => {
    const zero: ControlIndicator = {
      id: 'z',
      regionId: 'city-x',
      year: 2026,
      label: '重特大事故',
      measure: 'accidents',
      grades: ['major'],
      cap: 0,
      source: 'office',
    };
    const facts = [
      death('2026-01-05', 11, { grade: 'major' }),
      death('2025-12-30', 12, { grade: 'major' }),
      death('2026-01-06', 13, { grade: 'major', regionId: 'city-y' }),
    ];
    expect(checkControlIndicators([zero], facts, '2026-12')[0]).toMatchObject({ used: 1, share: null, status: 'breach' });
    expect(checkControlIndicators([zero], [], '2026-12')[0]).toMatchObject({ used: 0, status: 'within' });
    expect(() => checkControlIndicators([zero], [], '2026-13')).toThrow(RangeError);
  });
});
