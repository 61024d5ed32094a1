import { describe, expect, it } from 'vitest';
import { DomainRejection } from '../rejection';
import type { CompetentDepartmentRecord } from '../registry/competent-department';
import type { PersonRecord } from '../registry/person';
import type { UnitRecord } from '../registry/registry-unit';
import type { AccountAssignment } from './account-assignment';
import { admitAccountAssignment, type AccountRegistryFacts } from './account-registry-check';

const unit = (id: string, kind: UnitRecord['kind'], regionId = '330106'): UnitRecord => ({
  id,
  name: id,
  kind,
  regionId,
  industryId: kind === 'enterprise' ? 'chemicals' : null,
  enterpriseKind: kind === 'enterprise' ? 'ordinary' : null,
  status: kind === 'enterprise' ? 'producing' : null,
  licensed: kind === 'enterprise' ? true : null,
  creditCode: null,
});
const person = (id: string, unitId: string): PersonRecord => ({ id, name: id, post: '科长', unitId, phone: null, roles: [] });
const link: CompetentDepartmentRecord = {
  id: 'cd-1',
  regionId: '330106',
  industryId: 'chemicals',
  departmentUnitId: 'dept-yjj',
  supervision: 'direct',
};

const facts = (over: Partial<AccountRegistryFacts> = {}): AccountRegistryFacts => ({
  person: person('p-1', 'unit-a'),
  unit: unit('unit-a', 'enterprise'),
  regionKnown: true,
  industry: undefined,
  departmentLinks: [],
  ...over,
});

function refusal(input: AccountAssignment, f: AccountRegistryFacts): { code: string; field?: string } {
  try {
    admitAccountAssignment(input, f);
  } catch (e) {
    if (e instanceof DomainRejection) return { code: e.code, field: e.field };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('an account checked against the registry (账号与单位库核对)', () => {
  it("admits a unit account, its unit defaulting to the person's", () => {
    expect(admitAccountAssignment({ personId: 'p-1', role: 'unit' }, facts())).toEqual({ personId: 'p-1', role: 'unit', unitId: 'unit-a' });
    expect(admitAccountAssignment({ personId: 'p-1', role: 'unit', unitId: 'unit-a' }, facts())).toMatchObject({ unitId: 'unit-a' });
  });

  it('refuses an unknown person, a unit the person does not belong to, and an unknown unit or region, naming the field', () => {
    expect(refusal({ personId: 'p-x', role: 'unit' }, facts({ person: undefined }))).toEqual({ code: 'account.person_unknown', field: 'personId' });
    expect(refusal({ personId: 'p-1', role: 'unit', unitId: 'unit-b' }, facts({ unit: unit('unit-b', 'enterprise') }))).toEqual({
      code: 'account.person_not_in_unit',
      field: 'unitId',
    });
    expect(refusal({ personId: 'p-1', role: 'unit', unitId: 'unit-z' }, facts({ unit: undefined }))).toEqual({
      code: 'account.unit_unknown',
      field: 'unitId',
    });
    expect(refusal({ personId: 'p-1', role: 'inspector', regionId: 'nowhere' }, facts({ regionKnown: false }))).toEqual({
      code: 'account.region_unknown',
      field: 'regionId',
    });
  });

  it("holds an office or auditor account with a unit to that unit's region", () => {
    const office = facts({ person: person('p-o', 'aqw-xihu'), unit: unit('aqw-xihu', 'government') });
    expect(admitAccountAssignment({ personId: 'p-o', role: 'office', unitId: 'aqw-xihu', regionId: '330106' }, office)).toMatchObject({
      regionId: '330106',
    });
    for (const role of ['office', 'auditor'] as const)
      expect(refusal({ personId: 'p-o', role, unitId: 'aqw-xihu', regionId: '330100' }, office)).toEqual({
        code: 'account.region_not_unit_region',
        field: 'regionId',
      });
    // Without a unit there is nothing to compare (the bootstrap office, accounts made before units were named).
    expect(admitAccountAssignment({ personId: 'p-o', role: 'office', regionId: '330100' }, { ...office, unit: undefined })).toMatchObject({
      regionId: '330100',
    });
  });

  it('admits a department account only for an industry its department governs in its region (主管部门), or a sub-industry', () => {
    const dept = facts({ person: person('p-d', 'dept-yjj'), unit: unit('dept-yjj', 'department'), departmentLinks: [link] });
    const input: AccountAssignment = { personId: 'p-d', role: 'unit', industryId: 'chemicals' };
    expect(admitAccountAssignment(input, { ...dept, industry: { id: 'chemicals', path: 'chemicals' } })).toEqual({ ...input, unitId: 'dept-yjj' });
    expect(
      admitAccountAssignment({ ...input, industryId: 'fireworks' }, { ...dept, industry: { id: 'fireworks', path: 'chemicals/fireworks' } }),
    ).toMatchObject({
      industryId: 'fireworks',
    });
    expect(refusal({ ...input, industryId: 'mining' }, { ...dept, industry: { id: 'mining', path: 'mining' } })).toEqual({
      code: 'account.industry_not_governed',
      field: 'industryId',
    });
    const elsewhere = { ...link, regionId: '330100' };
    expect(refusal(input, { ...dept, industry: { id: 'chemicals', path: 'chemicals' }, departmentLinks: [elsewhere] })).toEqual({
      code: 'account.industry_not_governed',
      field: 'industryId',
    });
    expect(refusal(input, { ...dept, industry: undefined })).toEqual({ code: 'account.industry_unknown', field: 'industryId' });
    expect(refusal({ personId: 'p-1', role: 'unit', industryId: 'chemicals' }, facts({ industry: { id: 'chemicals', path: 'chemicals' } }))).toEqual({
      code: 'account.industry_not_department',
      field: 'industryId',
    });
  });
});
