import { expect } from 'vitest';
import type { Actor } from '@duban/domain';
import { RegistryWriter } from '@duban/persistence';
import type { ApiHarness } from './api-harness';

/** One county's registry as an e2e test needs it: enterprises of one industry, and the feedback's recipients where given. */
export interface CountyRegistry {
  /** Makes the province's and the city's ids (`<prefix>-p`, `<prefix>-c`). */
  prefix: string;
  countyId: string;
  industry: { id: string; name: string };
  enterprises: ReadonlyArray<{ id: string; name: string }>;
  /** The county's government (县区政府). */
  government?: { id: string; name: string };
  /** The county's competent department (行业主管部门) for the industry, 直接监管. */
  department?: { id: string; name: string; linkId: string };
}

/**
 * Puts `registry` through the registry's own routes as `office` (province → city → county, the
 * industry, the units), and the competent-department link as the import writes it (it has no
 * HTTP route). Every write must answer 201.
 */
export async function seedCountyRegistry(api: ApiHarness, office: Actor, registry: CountyRegistry, reason = '测试登记'): Promise<void> {
  const put = async (path: string, body: object) => {
    const res = await api.call(office, 'POST', path, { ...body, reason });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  const { prefix, countyId } = registry;
  for (const [id, level, parentId] of [
    [`${prefix}-p`, 'province', null],
    [`${prefix}-c`, 'city', `${prefix}-p`],
    [countyId, 'county', `${prefix}-c`],
  ] as const)
    await put('/registry/regions', { id, name: `${level} ${prefix}`, level, parentId, code: null });
  await put('/registry/industries', { id: registry.industry.id, name: registry.industry.name, parentId: null });
  for (const unit of registry.enterprises)
    await put('/registry/units', {
      ...unit,
      kind: 'enterprise',
      regionId: countyId,
      industryId: registry.industry.id,
      enterpriseKind: 'ordinary',
      status: 'producing',
      licensed: true,
      creditCode: null,
    });
  const nonEnterprise = { regionId: countyId, industryId: null, enterpriseKind: null, status: null, licensed: null, creditCode: null };
  if (registry.government) await put('/registry/units', { ...registry.government, kind: 'government', ...nonEnterprise });
  const department = registry.department;
  if (!department) return;
  await put('/registry/units', { id: department.id, name: department.name, kind: 'department', ...nonEnterprise });
  await new RegistryWriter(api.dev.dataSource).writeRegistryBatch(
    [
      {
        kind: 'competent_department',
        op: 'put',
        record: {
          id: department.linkId,
          regionId: countyId,
          industryId: registry.industry.id,
          departmentUnitId: department.id,
          supervision: 'direct',
        },
      },
    ],
    { actor: office, reason, at: new Date() },
  );
}
