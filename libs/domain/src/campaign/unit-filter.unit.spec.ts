import { describe, expect, it } from 'vitest';
import { matchesUnitFilter } from './unit-filter';

const row = { status: 'active', regionId: 'county-east', industryId: 'construction' };
const territorial = { status: 'paused', regionId: 'county-east', industryId: null };

describe('matchesUnitFilter', () => {
  it('passes a row every given filter matches; an absent filter passes all', () => {
    expect(matchesUnitFilter(row, {})).toBe(true);
    expect(matchesUnitFilter(row, { status: 'active', regionId: 'county-east', industryId: 'construction' })).toBe(true);
  });

  it('fails a row any one filter does not match', () => {
    expect(matchesUnitFilter(row, { status: 'paused' })).toBe(false);
    expect(matchesUnitFilter(row, { regionId: 'county-west' })).toBe(false);
    expect(matchesUnitFilter(row, { industryId: 'chemicals' })).toBe(false);
    expect(matchesUnitFilter(territorial, { industryId: 'construction' })).toBe(false);
  });
});
