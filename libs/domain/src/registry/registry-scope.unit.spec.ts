import { describe, expect, it } from 'vitest';
import { resolveRegistryScope, type RegistrySelector, type RegistrySnapshot } from './registry-scope';
import type { UnitRecord } from './registry-unit';

const region = (id: string, path: string, level: 'province' | 'city' | 'county' | 'town') => ({
  id,
  name: id,
  level,
  parentId: path.split('/').at(-2) ?? null,
  code: null,
  path,
});
const enterprise = (id: string, regionId: string, industryId: string, status: UnitRecord['status'] = 'producing'): UnitRecord => ({
  id,
  name: id,
  kind: 'enterprise',
  regionId,
  industryId,
  enterpriseKind: 'ordinary',
  status,
  licensed: status !== 'unlicensed',
  creditCode: null,
});
const other = (id: string, regionId: string, kind: 'government' | 'department'): UnitRecord => ({
  id,
  name: id,
  kind,
  regionId,
  industryId: null,
  enterpriseKind: null,
  status: null,
  licensed: null,
  creditCode: null,
});

// A city with two counties; the east county has a town. 'east1' shares a prefix with 'east' on purpose.
const snapshot: RegistrySnapshot = {
  regions: [
    region('city', 'city', 'city'),
    region('east', 'city/east', 'county'),
    region('east1', 'city/east1', 'county'),
    region('east-town', 'city/east/east-town', 'town'),
  ],
  industries: [
    { id: 'industrial', name: '工矿商贸', parentId: null, path: 'industrial' },
    { id: 'chemicals', name: '危险化学品', parentId: 'industrial', path: 'industrial/chemicals' },
    { id: 'construction', name: '建筑施工', parentId: null, path: 'construction' },
  ],
  units: [
    enterprise('e-chem-east', 'east', 'chemicals'),
    enterprise('e-chem-town', 'east-town', 'chemicals', 'unlicensed'),
    enterprise('e-build-east1', 'east1', 'construction', 'closed'),
    enterprise('e-chem-gone', 'retired-region', 'chemicals'),
    other('gov-east', 'east', 'government'),
    other('dept-east', 'east', 'department'),
    other('dept-east1', 'east1', 'department'),
  ],
  competentDepartments: [
    { id: 'cd-1', regionId: 'east', industryId: 'chemicals', departmentUnitId: 'dept-east', supervision: 'direct' },
    { id: 'cd-2', regionId: 'east1', industryId: 'construction', departmentUnitId: 'dept-east1', supervision: 'direct' },
  ],
};
const scope = (selector: RegistrySelector) => resolveRegistryScope(selector, snapshot).map((u) => u.id);

describe('resolveRegistryScope', () => {
  it('covers a region and everything below it, not a sibling whose id merely starts the same', () => {
    expect(scope({ regionIds: ['east'] })).toEqual(['dept-east', 'e-chem-east', 'e-chem-town', 'gov-east']);
    expect(scope({ regionIds: ['east-town'] })).toEqual(['e-chem-town']);
    expect(scope({ regionIds: ['city'] })).not.toContain('e-chem-gone');
  });

  it('selects nothing in an unknown region, and everything when no dimension is given', () => {
    expect(scope({ regionIds: ['nowhere'] })).toEqual([]);
    expect(scope({})).toHaveLength(snapshot.units.length);
    expect(scope({ regionIds: [], kinds: [] })).toHaveLength(snapshot.units.length);
  });

  it('covers an industry and those below it; a department through its competent-department links in the regions chosen', () => {
    expect(scope({ industryIds: ['industrial'] })).toEqual(['dept-east', 'e-chem-east', 'e-chem-gone', 'e-chem-town']);
    expect(scope({ industryIds: ['construction'] })).toEqual(['dept-east1', 'e-build-east1']);
    expect(scope({ industryIds: ['chemicals'], regionIds: ['east1'] })).toEqual([]);
    expect(scope({ industryIds: ['chemicals'], regionIds: ['east-town'] })).toEqual(['e-chem-town']);
  });

  it('filters by kind and by status; a unit without a status never matches one', () => {
    expect(scope({ kinds: ['government', 'department'] })).toEqual(['dept-east', 'dept-east1', 'gov-east']);
    expect(scope({ statuses: ['unlicensed', 'closed'] })).toEqual(['e-build-east1', 'e-chem-town']);
    expect(scope({ regionIds: ['city'], kinds: ['enterprise'], statuses: ['producing'], industryIds: ['chemicals'] })).toEqual(['e-chem-east']);
  });
});
