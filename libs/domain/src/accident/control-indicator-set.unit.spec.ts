import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { DomainRejection } from '../rejection';
import type { AccidentFact } from './accident-facts';
import { admitControlIndicatorSet, controlIndicatorKey, type ControlIndicatorEntry } from './control-indicator-set';
import { checkControlIndicators, seedCityControlIndicators } from './control-indicators';

const office: Actor = { id: 'o', name: '安委办', role: 'office', regionId: 'city-x' };
const deaths: ControlIndicatorEntry = { key: 'deaths-all', label: '死亡人数', measure: 'deaths', cap: 10, source: '市安委会 2026 年控制指标' };
const fact = (deathsCount: number): AccidentFact => ({
  accidentId: `a-${deathsCount}`,
  occurredAt: '2026-03-01T02:00:00.000Z',
  day: '2026-03-01',
  regionId: 'city-x',
  unitId: 'u',
  kind: 'road_traffic',
  sector: 'road_traffic',
  grade: 'general',
  deaths: deathsCount,
  concealment: [],
});

function refusal(run: () => unknown): DomainRejection {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainRejection) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('an office’s control indicators for a region and year (控制指标)', () => {
  it('gives each cap its id in the region’s year and the office’s warning shares, a cap’s own shares first', () => {
    const set = admitControlIndicatorSet(
      {
        regionId: 'city-x',
        year: 2026,
        warnAt: [0.5, 0.9],
        entries: [deaths, { ...deaths, key: 'larger', measure: 'accidents', cap: 1, warnAt: [1] }],
      },
      office,
    );
    expect(set.map((i) => [i.id, i.warnAt])).toEqual([
      ['city-x:2026:deaths-all', [0.5, 0.9]],
      ['city-x:2026:larger', [1]],
    ]);
    expect(set.map(controlIndicatorKey)).toEqual(['deaths-all', 'larger']);
  });

  it('the seed’s caps keep their keys when read back (deaths-all, deaths-industry-trade, larger-accidents)', () => {
    expect(seedCityControlIndicators('city-x', 2026).map(controlIndicatorKey)).toEqual(['deaths-all', 'deaths-industry-trade', 'larger-accidents']);
  });

  it('warns at the office’s own line: 5 of 10 deaths warns at 0.5 under its shares, and is within the standard policy’s 0.6', () => {
    const [own] = admitControlIndicatorSet({ regionId: 'city-x', year: 2026, warnAt: [0.5], entries: [deaths] }, office);
    const [standard] = admitControlIndicatorSet({ regionId: 'city-x', year: 2026, entries: [deaths] }, office);
    expect(checkControlIndicators([own!], [fact(5)], '2026-03')[0]).toMatchObject({ status: 'warning', warningAt: 0.5 });
    expect(checkControlIndicators([standard!], [fact(5)], '2026-03')[0]).toMatchObject({ status: 'within' });
  });

  it('refuses shares out of order or outside (0, 1], a key named twice, a year outside 2000–2100, naming the field', () => {
    const set = (over: object) => () => admitControlIndicatorSet({ regionId: 'city-x', year: 2026, entries: [deaths], ...over }, office);
    expect(refusal(set({ warnAt: [0.8, 0.6] }))).toMatchObject({ code: 'accident.indicator.warn_at_not_ascending', field: 'warnAt[1]' });
    expect(refusal(set({ warnAt: [0] }))).toMatchObject({ code: 'input.out_of_range', field: 'warnAt[0]' });
    expect(refusal(set({ warnAt: [1.2] }))).toMatchObject({ field: 'warnAt[0]' });
    expect(refusal(set({ entries: [deaths, deaths] }))).toMatchObject({ code: 'input.duplicate_id', field: 'indicators[1].key' });
    expect(refusal(set({ entries: [{ ...deaths, warnAt: [0.9, 0.9] }] }))).toMatchObject({ field: 'indicators[0].warnAt[1]' });
    expect(refusal(set({ year: 1999 }))).toMatchObject({ code: 'input.out_of_range', field: 'year' });
    expect(refusal(set({ entries: [{ ...deaths, cap: -1 }] }))).toMatchObject({ field: 'indicators[0].cap' });
  });

  it('is the office’s to set: an inspector is refused', () => {
    const inspector: Actor = { id: 'i', name: '检查组', role: 'inspector' };
    expect(refusal(() => admitControlIndicatorSet({ regionId: 'city-x', year: 2026, entries: [deaths] }, inspector)).kind).toBe('forbidden');
  });
});
