import type { RegistryKind } from '@duban/domain';
import { filtered, UNIT, PERSON, type MatrixContext, type Recipe, type ScopeCheck, type Target } from './recipe-parts';

/** A matrix registry record's id of `kind` written with `record` (the body's, or the current one for a retire). */
const written = (kind: RegistryKind, id: string, record?: object): ScopeCheck[] => [{ registry: kind, id, record }];

const change = { reason: '权限矩阵测试' };
const regionBody = { name: '矩阵省', level: 'province' };
const unitBody = {
  name: '矩阵公司',
  kind: 'enterprise',
  regionId: '330106001',
  industryId: 'chemicals',
  enterpriseKind: 'ordinary',
  status: 'producing',
  licensed: true,
};
const personBody = (target: Target) => ({ name: '矩阵人员', post: '安全员', unitId: UNIT[target], roles: ['safety_officer'] });
const linkBody = { type: 'principal_entity', holderKind: 'unit', holderId: 'unit-a', targetKind: 'unit', targetId: 'unit-a' };
/** Registry records the matrix changes: seeded in testing/in-memory-registry.ts (REGISTRY_SEED). */
/** A registry call; a write names the record it writes (its body, or the current one's anchor for a retire). */
const registry =
  (path: string, body?: (ctx: MatrixContext, target: Target) => unknown, writes?: { kind: RegistryKind; id?: string; record?: object }): Recipe =>
  (ctx, target) => {
    const given = body?.(ctx, target) as { id?: string } | undefined;
    const id = writes?.id ?? given?.id ?? path.split('/')[3]!;
    return { path, body: given, ...(writes ? { checks: written(writes.kind, id, writes.record ?? given) } : {}) };
  };
const registryUnit =
  (suffix: string, body?: unknown): Recipe =>
  (_ctx, target) => ({
    path: `/registry/units/${UNIT[target]}${suffix}`,
    body,
    checks: body === undefined ? [{ unit: UNIT[target] }] : written('unit', UNIT[target], { regionId: unitBody.regionId }),
  });
const registryPerson =
  (suffix: string, body?: (target: Target) => unknown): Recipe =>
  (_ctx, target) => ({
    path: `/registry/people/${PERSON[target]}${suffix}`,
    body: body?.(target),
    checks: body === undefined ? [{ unit: UNIT[target] }] : written('person', PERSON[target], { unitId: UNIT[target] }),
  });

/** The registry routes (单位库). */
export const REGISTRY_RECIPES: Record<string, Recipe> = {
  // A dry run of no file: the roles the route lets through meet the 400 (file required), never the write.
  'POST /registry/imports': () => ({ path: '/registry/imports?dryRun=true' }),
  'POST /registry/regions': registry('/registry/regions', (ctx) => ({ id: `m-${ctx.fresh()}`, ...regionBody, ...change }), { kind: 'region' }),
  'GET /registry/regions': registry('/registry/regions?regionId=330100'),
  'GET /registry/regions/:id': registry('/registry/regions/330106?asOf=2026-03-02T08:00:00.000Z'),
  'GET /registry/regions/:id/history': registry('/registry/regions/330106/history'),
  'PUT /registry/regions/:id': registry(
    '/registry/regions/330000',
    () => ({ name: '浙江', level: 'province', code: '330000', expectedVersion: 1, ...change }),
    { kind: 'region' },
  ),
  'POST /registry/regions/:id/retire': registry('/registry/regions/m-retire/retire', () => ({ expectedVersion: 1, ...change }), {
    kind: 'region',
    record: { parentId: '330106' },
  }),

  'POST /registry/industries': registry('/registry/industries', (ctx) => ({ id: `m-${ctx.fresh()}`, name: '矩阵行业', ...change }), {
    kind: 'industry',
  }),
  'GET /registry/industries': registry('/registry/industries'),
  'GET /registry/industries/:id': registry('/registry/industries/chemicals'),
  'GET /registry/industries/:id/history': registry('/registry/industries/chemicals/history'),
  'PUT /registry/industries/:id': registry('/registry/industries/chemicals', () => ({ name: '危化品', expectedVersion: 1, ...change }), {
    kind: 'industry',
  }),
  'POST /registry/industries/:id/retire': registry('/registry/industries/m-retire/retire', () => ({ expectedVersion: 1, ...change }), {
    kind: 'industry',
  }),

  'POST /registry/units': registry('/registry/units', (ctx) => ({ id: `m-${ctx.fresh()}`, ...unitBody, ...change }), { kind: 'unit' }),
  'GET /registry/units': registry('/registry/units?regionId=330106&kind=enterprise'),
  'GET /registry/units/:unitId': registryUnit(''),
  'GET /registry/units/:unitId/history': registryUnit('/history'),
  'PUT /registry/units/:unitId': registryUnit('', { ...unitBody, status: 'suspended', expectedVersion: 1, ...change }),
  'POST /registry/units/:unitId/retire': registryUnit('/retire', { expectedVersion: 1, ...change }),

  'POST /registry/people': registry('/registry/people', (ctx, target) => ({ id: `m-${ctx.fresh()}`, ...personBody(target), ...change }), {
    kind: 'person',
  }),
  'GET /registry/people': filtered(() => '/registry/people'),
  'GET /registry/people/:personId': registryPerson(''),
  'GET /registry/people/:personId/history': registryPerson('/history'),
  'PUT /registry/people/:personId': registryPerson('', (target) => ({ ...personBody(target), post: '副总经理', expectedVersion: 1, ...change })),
  'POST /registry/people/:personId/retire': registryPerson('/retire', () => ({ expectedVersion: 1, ...change })),

  'POST /registry/responsibilities': registry('/registry/responsibilities', (ctx) => ({ id: `m-${ctx.fresh()}`, ...linkBody, ...change }), {
    kind: 'responsibility',
  }),
  'GET /registry/responsibilities': filtered(() => '/registry/responsibilities', 'reference records'),
  'GET /registry/responsibilities/:id': registry('/registry/responsibilities/resp-a'),
  'GET /registry/responsibilities/:id/history': registry('/registry/responsibilities/resp-a/history'),
  'PUT /registry/responsibilities/:id': registry(
    '/registry/responsibilities/resp-a',
    () => ({ ...linkBody, type: 'competent', expectedVersion: 1, ...change }),
    { kind: 'responsibility' },
  ),
  'POST /registry/responsibilities/:id/retire': registry('/registry/responsibilities/m-retire/retire', () => ({ expectedVersion: 1, ...change }), {
    kind: 'responsibility',
    record: { targetKind: 'region', targetId: '330106' },
  }),
};
