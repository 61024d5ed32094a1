import { describe, expect, it } from 'vitest';
import { DomainRejection } from '../rejection';
import {
  checkFixedFields,
  registryReferences,
  validateRegistryRecord,
  type RecordOf,
  type RegistryKind,
  type RegistryLookup,
} from './registry-records';
import type { UnitRecord } from './registry-unit';

const enterprise: UnitRecord = {
  id: 'ent-1',
  name: '甲化工有限公司',
  kind: 'enterprise',
  regionId: '330106',
  industryId: 'chemicals',
  enterpriseKind: 'ordinary',
  status: 'producing',
  licensed: true,
  creditCode: '91330106MA2B3C4D5E',
};
const bureau: UnitRecord = {
  ...enterprise,
  id: 'dept-1',
  name: '应急管理局',
  kind: 'department',
  industryId: null,
  enterpriseKind: null,
  status: null,
  licensed: null,
};

const known: Record<string, object> = { 'region:330106': {}, 'industry:chemicals': {}, 'unit:ent-1': enterprise, 'unit:dept-1': bureau };
const lookup: RegistryLookup = (kind, id) => known[`${kind}:${id}`] as never;

function refusal<K extends RegistryKind>(kind: K, record: RecordOf<K>) {
  try {
    validateRegistryRecord(kind, record, lookup);
  } catch (e) {
    if (e instanceof DomainRejection) return { code: e.code, field: e.field };
    throw e;
  }
  return undefined;
}

describe('units (单位)', () => {
  it('takes an enterprise with its industry, status and licence, and a department without them', () => {
    expect(refusal('unit', enterprise)).toBeUndefined();
    expect(refusal('unit', { ...enterprise, status: 'unlicensed', licensed: false, creditCode: null })).toBeUndefined();
    expect(refusal('unit', bureau)).toBeUndefined();
  });

  it('refuses an enterprise without its industry, status or licence flag, naming the field', () => {
    expect(refusal('unit', { ...enterprise, industryId: null })).toEqual({ code: 'registry.unit.industry_required', field: 'industryId' });
    expect(refusal('unit', { ...enterprise, status: null })).toEqual({ code: 'registry.unit.enterprise_field_required', field: 'status' });
    expect(refusal('unit', { ...enterprise, status: 'bankrupt' as never })).toEqual({ code: 'input.not_one_of', field: 'status' });
    expect(refusal('unit', { ...enterprise, enterpriseKind: null })).toEqual({
      code: 'registry.unit.enterprise_field_required',
      field: 'enterpriseKind',
    });
    expect(refusal('unit', { ...enterprise, licensed: null })).toEqual({ code: 'registry.unit.enterprise_field_required', field: 'licensed' });
    expect(refusal('unit', { ...enterprise, status: 'unlicensed' })).toEqual({ code: 'registry.unit.licensed_but_unlicensed', field: 'licensed' });
    expect(refusal('unit', { ...enterprise, creditCode: '91330106MA2B3C4D5' })).toEqual({ code: 'input.malformed', field: 'creditCode' });
  });

  it('refuses enterprise fields on a government or department', () => {
    expect(refusal('unit', { ...bureau, status: 'producing' })).toEqual({ code: 'registry.unit.enterprise_only', field: 'status' });
    expect(refusal('unit', { ...bureau, kind: 'government', industryId: 'chemicals' })).toEqual({
      code: 'registry.unit.enterprise_only',
      field: 'industryId',
    });
  });

  it('refuses a region or industry the registry does not hold', () => {
    expect(refusal('unit', { ...enterprise, regionId: '330107' })).toEqual({ code: 'registry.reference.unknown', field: 'regionId' });
    expect(refusal('unit', { ...enterprise, industryId: 'mining' })).toEqual({ code: 'registry.reference.unknown', field: 'industryId' });
  });
});

describe('people, links and industries', () => {
  const person = { id: 'p-1', name: '张三', post: '总经理', unitId: 'ent-1', phone: '0571-8888 0000', roles: ['principal' as const] };

  it('takes a person of a known unit with their roles, and refuses a doubled role or a bad phone', () => {
    expect(refusal('person', person)).toBeUndefined();
    expect(refusal('person', { ...person, roles: ['principal', 'principal'] })).toEqual({ code: 'input.duplicate_id', field: 'roles' });
    expect(refusal('person', { ...person, roles: ['boss' as never] })).toEqual({ code: 'input.not_one_of', field: 'roles' });
    expect(refusal('person', { ...person, phone: 'call me' })).toEqual({ code: 'input.malformed', field: 'phone' });
    expect(refusal('person', { ...person, post: '' })).toEqual({ code: 'input.required', field: 'post' });
    expect(refusal('person', { ...person, unitId: 'ent-9' })).toEqual({ code: 'registry.reference.unknown', field: 'unitId' });
  });

  it('lets only 属地 and 监管 responsibility reach a region or industry', () => {
    const link = {
      id: 'r-1',
      type: 'territorial' as const,
      holderKind: 'unit' as const,
      holderId: 'dept-1',
      targetKind: 'region' as const,
      targetId: '330106',
    };
    expect(refusal('responsibility', link)).toBeUndefined();
    expect(refusal('responsibility', { ...link, type: 'principal_entity' })).toEqual({
      code: 'registry.responsibility.target_not_allowed',
      field: 'targetKind',
    });
    expect(refusal('responsibility', { ...link, targetId: '330199' })).toEqual({ code: 'registry.reference.unknown', field: 'targetId' });
    expect(registryReferences('responsibility', link)).toEqual([
      { field: 'holderId', kind: 'unit', id: 'dept-1' },
      { field: 'targetId', kind: 'region', id: '330106' },
    ]);
  });

  it('links an industry in a region to a department unit only', () => {
    const link = { id: 'cd-1', regionId: '330106', industryId: 'chemicals', departmentUnitId: 'dept-1', supervision: 'direct' as const };
    expect(refusal('competent_department', link)).toBeUndefined();
    expect(refusal('competent_department', { ...link, departmentUnitId: 'ent-1' })).toEqual({
      code: 'registry.competent_department.not_a_department',
      field: 'departmentUnitId',
    });
    expect(refusal('competent_department', { ...link, supervision: 'both' as never })).toEqual({ code: 'input.not_one_of', field: 'supervision' });
  });

  it("keeps a region's or industry's parent fixed", () => {
    const industry = { id: 'chemicals', name: '危险化学品', parentId: 'industrial' };
    expect(() => checkFixedFields('industry', industry, { ...industry, name: '危化品' })).not.toThrow();
    expect(() => checkFixedFields('industry', industry, { ...industry, parentId: null })).toThrow(
      expect.objectContaining({ code: 'registry.parent_fixed' }),
    );
  });
});
