import { describe, expect, it } from 'vitest';
import type { AccidentGrade } from './accident-grade';
import { accidentFactsFromEvents, type AccidentFact } from './accident-facts';
import type { AccidentKind } from './accident-kind';
import { evaluateAccountabilityRules } from './accountability-rules';
import { STANDARD_ACCIDENT_POLICY } from './accident-policy';
import { openAccidentFile } from './decide-accident-report';
import { accidentReport, unit } from './testing/accident-fixtures';

let n = 0;
function fact(grade: AccidentGrade, day: string, over: Partial<AccidentFact> = {}): AccidentFact {
  n += 1;
  return {
    accidentId: `acc-${n}`,
    occurredAt: `${day}T02:00:00.000Z`,
    day,
    regionId: 'county-a',
    unitId: 'u',
    kind: 'collapse' as AccidentKind,
    sector: 'industry_trade',
    grade,
    deaths: 3,
    concealment: [],
    ...over,
  };
}
const summons = (facts: AccidentFact[]) => evaluateAccountabilityRules(facts).filter((f) => f.instrument === 'summons');

describe('accountability rules over the record (002 篇一): 约谈 of the county government’s principal', () => {
  it('fires nothing for one 较大 accident alone', () => {
    expect(summons([fact('larger', '2026-03-01')])).toEqual([]);
  });

  it('fires at the second 较大 in one county in one year, naming both accidents', () => {
    const first = fact('larger', '2026-03-01');
    const second = fact('larger', '2026-09-10', { kind: 'fire' });
    expect(summons([second, first, fact('larger', '2026-05-01', { regionId: 'county-b' })])).toEqual([
      expect.objectContaining({
        ruleId: 'county-two-larger-summons',
        territoryId: 'county-a',
        period: '2026',
        accidentIds: [first.accidentId, second.accidentId],
        firedOn: '2026-09-10',
      }),
    ]);
  });

  it('does not add up 较大 accidents of different years or counties', () => {
    expect(summons([fact('larger', '2025-12-30'), fact('larger', '2026-01-02')])).toEqual([]);
    expect(summons([fact('larger', '2026-02-01'), fact('larger', '2026-03-01', { regionId: 'county-b' })])).toEqual([]);
  });

  it('fires at one 重大 accident', () => {
    const major = fact('major', '2026-06-01', { deaths: 12 });
    expect(summons([major])).toEqual([expect.objectContaining({ ruleId: 'county-major-summons', accidentIds: [major.accidentId] })]);
  });

  it('counts the year in China time: 31 December 20:00 UTC is already 1 January', () => {
    const facts = accidentFactsFromEvents([
      ...openAccidentFile(
        'x1',
        accidentReport({
          occurredAt: '2026-12-31T17:00:00.000Z',
          reportedAt: '2026-12-31T17:30:00.000Z',
          casualties: { deaths: 3, missing: 0, seriousInjuries: 0, directLossYuan: 0 },
        }),
        unit,
        STANDARD_ACCIDENT_POLICY,
        new Date('2027-01-01T00:00:00Z'),
      ).map((e) => ({ ...e, accidentId: 'x1' })),
    ]);
    expect(facts).toMatchObject([{ accidentId: 'x1', day: '2027-01-01', grade: 'larger', deaths: 3 }]);
  });
});

describe('repeat accidents of one kind in one territory → stricter accountability (002 篇六)', () => {
  it('fires at the second accident of the same kind in the county, not for two kinds', () => {
    const a = fact('general', '2026-04-01', { kind: 'explosives_explosion', deaths: 1 });
    const b = fact('general', '2026-07-01', { kind: 'explosives_explosion', deaths: 0 });
    const c = fact('general', '2026-08-01', { kind: 'drowning', deaths: 1 });
    expect(evaluateAccountabilityRules([a, b, c]).filter((f) => f.ruleId === 'county-repeat-kind-stricter')).toEqual([
      expect.objectContaining({ kind: 'explosives_explosion', instrument: 'accountability', accidentIds: [a.accidentId, b.accidentId] }),
    ]);
  });

  it('reads the county from the registry’s territories when the accident is placed in a town', () => {
    const towns = { 'town-1': { county: 'county-a', city: 'city-x' }, 'town-2': { county: 'county-a', city: 'city-x' } };
    const firings = evaluateAccountabilityRules(
      [fact('larger', '2026-02-01', { regionId: 'town-1' }), fact('larger', '2026-03-01', { regionId: 'town-2', kind: 'fire' })],
      undefined,
      towns,
    );
    expect(firings.map((f) => [f.ruleId, f.territoryId])).toEqual([['county-two-larger-summons', 'county-a']]);
  });
});
