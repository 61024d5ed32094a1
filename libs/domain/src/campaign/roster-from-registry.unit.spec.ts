import { describe, expect, it } from 'vitest';
import { DomainRejection } from '../rejection';
import type { RegionNode } from '../registry/region';
import type { UnitRecord } from '../registry/registry-unit';
import { assertRosterSize, rosterFromRegistry, rosterReferences } from './roster-from-registry';
import { MAX_CAMPAIGN_UNITS } from './validate-campaign-launch';

const region = (id: string, name: string, path: string): RegionNode => ({ id, name, level: 'county', parentId: null, code: null, path });
const regions = [region('city', '某市', 'city'), region('east', '东区', 'city/east'), region('town', '某镇', 'city/east/town')];
const industries = [{ id: 'chem', name: '危险化学品', parentId: null, path: 'chem' }];
const unit = (id: string, kind: UnitRecord['kind'], regionId: string, industryId: string | null = null): UnitRecord => ({
  id,
  name: `单位${id}`,
  kind,
  regionId,
  industryId,
  enterpriseKind: kind === 'enterprise' ? 'ordinary' : null,
  status: kind === 'enterprise' ? 'producing' : null,
  licensed: kind === 'enterprise' ? true : null,
  creditCode: null,
});
const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainRejection) return error.code;
    throw error;
  }
  return undefined;
};

describe('rosterFromRegistry (单位库 → 名单)', () => {
  it('names only the regions and industries the units stand in, each once, by id, with each unit’s region path', () => {
    const matched = [unit('b', 'enterprise', 'town', 'chem'), unit('a', 'enterprise', 'town', 'chem'), unit('g', 'government', 'east')];
    expect(rosterReferences(matched)).toEqual({ regionIds: ['east', 'town'], industryIds: ['chem'] });
    const roster = rosterFromRegistry(matched, { regions, industries });
    expect(roster.regions).toEqual([
      { id: 'east', name: '东区' },
      { id: 'town', name: '某镇' },
    ]);
    expect(roster.industries).toEqual([{ id: 'chem', name: '危险化学品' }]);
    expect(roster.units[0]).toEqual({
      unitId: 'b',
      name: '单位b',
      kind: 'enterprise',
      regionId: 'town',
      industryId: 'chem',
      regionPath: ['city', 'east', 'town'],
    });
    expect(roster.units[2]).toEqual({ unitId: 'g', name: '单位g', kind: 'government', regionId: 'east', regionPath: ['city', 'east'] });
  });

  it('gives a roster of governments and departments no industry', () => {
    const roster = rosterFromRegistry([unit('g', 'government', 'east'), unit('d', 'department', 'city')], { regions, industries });
    expect(roster.industries).toEqual([]);
    expect(roster.regions.map((r) => r.id)).toEqual(['city', 'east']);
  });

  it('names a record the read did not return by its id rather than failing', () => {
    expect(rosterFromRegistry([unit('a', 'enterprise', 'gone', 'chem')], { regions, industries: [] })).toMatchObject({
      regions: [{ id: 'gone', name: 'gone' }],
      industries: [{ id: 'chem', name: 'chem' }],
      units: [{ unitId: 'a', regionId: 'gone' }],
    });
  });

  it(`refuses a selector that matched nothing, or more than ${MAX_CAMPAIGN_UNITS} units (a read stopped one past the limit)`, () => {
    expect(codeOf(() => rosterFromRegistry([], { regions, industries }))).toBe('campaign.scope.selector_empty');
    const many = Array.from({ length: MAX_CAMPAIGN_UNITS + 1 }, (_, i) => unit(`u${i}`, 'government', 'east'));
    expect(codeOf(() => assertRosterSize(many))).toBe('campaign.scope.selector_too_many');
    expect(codeOf(() => assertRosterSize(many.slice(1)))).toBeUndefined();
  });
});
