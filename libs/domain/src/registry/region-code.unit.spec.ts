import { describe, expect, it } from 'vitest';
import { DomainRejection } from '../rejection';
import { checkRegionCode } from './region-code';
import { validateRegion, type RegionRecord } from './region';

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainRejection) return { code: e.code, field: e.field };
    throw e;
  }
  return undefined;
};

describe('行政区划代码 (official region codes)', () => {
  it('takes six digits for a province, city or county, with its own part non-zero and the rest zero', () => {
    expect(refusal(() => checkRegionCode('330000', 'province', null))).toBeUndefined();
    expect(refusal(() => checkRegionCode('330100', 'city', '330000'))).toBeUndefined();
    expect(refusal(() => checkRegionCode('330106', 'county', '330100'))).toBeUndefined();
    expect(refusal(() => checkRegionCode('000000', 'province', null))).toEqual({ code: 'registry.region.code_malformed', field: 'code' });
    expect(refusal(() => checkRegionCode('330100', 'province', null))).toEqual({ code: 'registry.region.code_malformed', field: 'code' });
    expect(refusal(() => checkRegionCode('330000', 'city', '330000'))).toEqual({ code: 'registry.region.code_malformed', field: 'code' });
    expect(refusal(() => checkRegionCode('330100', 'county', '330100'))).toEqual({ code: 'registry.region.code_malformed', field: 'code' });
    for (const bad of ['33010', '3301060', '33o106', ' 330106'])
      expect(refusal(() => checkRegionCode(bad, 'county', null))?.code, bad).toBe('registry.region.code_malformed');
  });

  it("must begin with the parent's part: 2 digits below a province, 4 below a city", () => {
    expect(refusal(() => checkRegionCode('320100', 'city', '330000'))).toEqual({ code: 'registry.region.code_parent_mismatch', field: 'code' });
    expect(refusal(() => checkRegionCode('330206', 'county', '330100'))).toEqual({ code: 'registry.region.code_parent_mismatch', field: 'code' });
    expect(refusal(() => checkRegionCode('330199', 'county', '330100'))).toBeUndefined();
  });

  it("takes 9 or 12 digits for a town, prefixed by its county's six", () => {
    expect(refusal(() => checkRegionCode('330106001', 'town', '330106'))).toBeUndefined();
    expect(refusal(() => checkRegionCode('330106001000', 'town', '330106'))).toBeUndefined();
    for (const bad of ['33010600', '3301060010', '33010600100', '3301060010000'])
      expect(refusal(() => checkRegionCode(bad, 'town', '330106'))?.code, bad).toBe('registry.region.code_malformed');
    expect(refusal(() => checkRegionCode('330107001', 'town', '330106'))).toEqual({ code: 'registry.region.code_parent_mismatch', field: 'code' });
  });

  it('is optional, and unchecked against a parent without one', () => {
    expect(refusal(() => checkRegionCode(null, 'town', '330106'))).toBeUndefined();
    expect(refusal(() => checkRegionCode('330106001', 'town', null))).toBeUndefined();
  });
});

describe('a region in its tree', () => {
  const province: RegionRecord = { id: '330000', name: '浙江省', level: 'province', parentId: null, code: '330000' };
  const city: RegionRecord = { id: '330100', name: '杭州市', level: 'city', parentId: '330000', code: '330100' };

  it('sits one level below its parent, which must exist; only a province has none', () => {
    expect(refusal(() => validateRegion(city, province))).toBeUndefined();
    expect(refusal(() => validateRegion({ ...city, level: 'county', code: null }, province))).toEqual({
      code: 'registry.region.level_mismatch',
      field: 'level',
    });
    expect(refusal(() => validateRegion(city, undefined))).toEqual({ code: 'registry.reference.unknown', field: 'parentId' });
    expect(refusal(() => validateRegion({ ...city, parentId: null }, undefined))).toEqual({
      code: 'registry.region.parent_required',
      field: 'parentId',
    });
    expect(refusal(() => validateRegion(province, undefined))).toBeUndefined();
  });

  it('names the field of each malformed value', () => {
    expect(refusal(() => validateRegion({ ...province, id: 'a/b' }, undefined))).toEqual({ code: 'input.malformed_id', field: 'id' });
    expect(refusal(() => validateRegion({ ...province, id: 'x'.repeat(65) }, undefined))).toEqual({ code: 'input.malformed_id', field: 'id' });
    expect(refusal(() => validateRegion({ ...province, id: 'x'.repeat(64) }, undefined))).toBeUndefined();
    expect(refusal(() => validateRegion({ ...province, name: '  ' }, undefined))).toEqual({ code: 'input.required', field: 'name' });
    expect(refusal(() => validateRegion({ ...province, level: 'village' as never }, undefined))).toEqual({
      code: 'input.not_one_of',
      field: 'level',
    });
  });
});
