import { HUNDRED_DAY_DRIVE_TEMPLATE, type Actor, type RegistryKind } from '@duban/domain';
import { clone, launchBody, UNITS } from '../campaign-spec-fixtures';
import { MATRIX_ACCOUNTS, MATRIX_LOGIN, MATRIX_TARGET_ACCOUNT } from '../../auth/testing/matrix-accounts';
import { report } from '../in-memory-hazards';
import { inspector } from '../actors';
import { ACCIDENT_RECIPES } from './accident-recipes';

/** Whose object a unit caller acts on: its own unit's, or another unit's. */
export type Target = 'own' | 'other';

export interface MatrixContext {
  campaignId: string;
  hazardIds: Record<Target, string>;
  caller: Actor;
  /** A number not used before, for ids that must be new. */
  fresh(): number;
}

/**
 * What a call touches beyond its route's role check, in the order the API checks it: the
 * campaign (read on the caller's line, or decided within its territory), one unit's object, a
 * list (bounded; the unit asked for refused outside the scope), a launch's roster, a registry
 * record written. The matrix computes what the domain's rules say of each.
 */
export type ScopeCheck =
  | { campaign: 'read' | 'manage' }
  | { unit: string }
  | { list: string | undefined }
  | { roster: readonly string[] }
  | { registry: RegistryKind; id: string; record?: object };

/** A valid call to one route (so that only the permission checks can refuse it). */
export interface Call {
  path: string;
  body?: unknown;
  checks?: ScopeCheck[];
}

/** How to call a route; `target` matters only for routes that act on one unit's object. */
export type Recipe = (ctx: MatrixContext, target: Target) => Call;

const UNIT: Record<Target, string> = { own: 'unit-a', other: 'unit-b' };
const DEADLINE = '2026-03-20T00:00:00.000Z';
const reason = { reason: '权限矩阵测试' };

const hazard =
  (suffix: string, body?: (ctx: MatrixContext) => unknown): Recipe =>
  (ctx, target) => ({ path: `/hazards/${ctx.hazardIds[target]}${suffix}`, body: body?.(ctx), checks: [{ unit: UNIT[target] }] });
const campaign =
  (suffix: string, body?: (ctx: MatrixContext) => unknown, on: 'read' | 'manage' = 'read'): Recipe =>
  (ctx) => ({ path: `/campaigns/${ctx.campaignId}${suffix}`, body: body?.(ctx), checks: [{ campaign: on }] });
/** One unit on the campaign's roster: reading its file is reading the campaign too; removing it is deciding on the campaign. */
const onUnit =
  (suffix: string, body?: (ctx: MatrixContext) => unknown, on?: 'read' | 'manage'): Recipe =>
  (ctx, target) => ({
    path: `/campaigns/${ctx.campaignId}/units/${UNIT[target]}${suffix}`,
    body: body?.(ctx),
    checks:
      on === 'read'
        ? [{ campaign: 'read' }, { unit: UNIT[target] }]
        : on === 'manage'
          ? [{ unit: UNIT[target] }, { campaign: 'manage' }]
          : [{ unit: UNIT[target] }],
  });
/** Whether territory or industry bind the caller: it then asks for the objects' unit by name, so that outside it is refused. */
const scopedCaller = (actor: Actor) => actor.regionId !== undefined || actor.industryId !== undefined;
/** A list read: another unit's rows (or, for a scoped caller, the objects' unit's) are asked for by `?unitId=`; `of` says what bounds it. */
const filtered =
  (path: (ctx: MatrixContext) => string, of: 'units' | 'campaign units' | 'reference records' = 'units'): Recipe =>
  (ctx, target) => {
    const unitId = target === 'other' ? UNIT.other : scopedCaller(ctx.caller) ? UNIT.own : undefined;
    const list: ScopeCheck = { list: unitId };
    const checks: ScopeCheck[] = of === 'units' ? [list] : of === 'campaign units' ? [{ campaign: 'read' }, list] : [];
    return { path: `${path(ctx)}${unitId === undefined ? '' : `?unitId=${unitId}`}`, checks };
  };
/** The matrix's campaign roster: the registry's units (a roster unit the registry lacks lies in no territory). */
const ROSTER = UNITS.filter((u) => u.unitId === 'unit-a' || u.unitId === 'unit-b');
/** A matrix registry record's id of `kind` written with `record` (the body's, or the current one for a retire). */
const written = (kind: RegistryKind, id: string, record?: object): ScopeCheck[] => [{ registry: kind, id, record }];

const PERSON: Record<Target, string> = { own: 'person-a', other: 'person-b' };
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

/**
 * One valid call per route, keyed `METHOD /path` as Nest registers it. A route without one
 * fails the matrix: a new route must say how it is called before it can be checked.
 */
export const RECIPES: Record<string, Recipe> = {
  'GET /health': () => ({ path: '/health' }),
  'GET /health/ready': () => ({ path: '/health/ready' }),
  'GET /problems': () => ({ path: '/problems' }),
  'GET /problems/:code': () => ({ path: '/problems/hazard.plan.five_in_place_missing' }),

  'POST /hazards': (ctx, target) => ({
    path: '/hazards',
    body: { ...report, unitId: UNIT[target], source: ctx.caller.role === 'unit' ? 'self_inspection' : 'inspection' },
    checks: [{ unit: UNIT[target] }],
  }),
  'GET /hazards': filtered(() => '/hazards'),
  'GET /hazards/escalations': filtered(() => '/hazards/escalations'),
  'GET /hazards/summary': filtered(() => '/hazards/summary'),
  'GET /hazards/:id': hazard(''),
  'GET /hazards/:id/events': hazard('/events'),
  'POST /hazards/:id/plan': hazard('/plan', () => ({
    responsiblePerson: '张三',
    measures: '补打锚杆、加密钢拱架',
    funds: { amountYuan: 120000, source: '企业安全生产费用' },
    deadline: DEADLINE,
    contingencyPlan: '掌子面停止掘进，专人值守',
  })),
  'POST /hazards/:id/progress': hazard('/progress', () => ({ text: '已完成 60%', percentComplete: 60 })),
  'POST /hazards/:id/completion': hazard('/completion', () => ({ summary: '支护已补齐' })),
  'POST /hazards/:id/verification': hazard('/verification', () => ({ decision: 'accept', comment: '合格', effectEvaluation: '有效' })),
  'POST /hazards/:id/extension-requests': hazard('/extension-requests', () => ({
    requestedDeadline: '2026-04-20T00:00:00.000Z',
    reason: '设备到货延迟',
  })),
  'POST /hazards/:id/extension-decision': hazard('/extension-decision', () => ({ approve: true, reason: '理由充分' })),
  'POST /hazards/:id/monitoring': hazard('/monitoring', () => ({ measures: '专人盯守，每日巡查', watchPerson: '李四' })),
  'POST /hazards/:id/monitoring-reports': hazard('/monitoring-reports', () => ({ text: '今日巡查正常' })),
  'POST /hazards/:id/listing': hazard('/listing', () => ({ level: 'city', tracker: { name: '市应急管理局 孙科长' }, reason: '市安委会挂牌督办' })),
  'POST /hazards/:id/delisting': hazard('/delisting', () => ({ reason: '同意销号' })),

  'POST /campaigns': () => ({
    path: '/campaigns',
    body: launchBody({}, { units: ROSTER }),
    checks: [{ roster: ROSTER.map((u) => u.unitId) }],
  }),
  'GET /campaigns': () => ({ path: '/campaigns' }),
  'GET /campaigns/:id': campaign(''),
  'POST /campaigns/:id/pause': campaign('/pause', () => reason, 'manage'),
  'POST /campaigns/:id/resume': campaign('/resume', () => reason, 'manage'),
  'POST /campaigns/:id/phase-extensions': campaign(
    '/phase-extensions',
    () => ({ phaseId: 'self-inspection', by: { amount: 1, unit: 'days' }, ...reason }),
    'manage',
  ),
  // The county's own unit-d (比照落实): once added, the next office's call meets 409 (already enrolled), which is no refusal.
  'POST /campaigns/:id/units': (ctx) => ({
    path: `/campaigns/${ctx.campaignId}/units`,
    body: { unit: { unitId: 'unit-d', name: '丁化工有限公司', kind: 'enterprise', regionId: 'county-east', industryId: 'chemicals' }, ...reason },
    checks: [{ campaign: 'read' }, { unit: 'unit-d' }],
  }),
  'DELETE /campaigns/:id/units/:unitId': onUnit('', () => reason, 'manage'),
  'POST /campaigns/:id/close': campaign('/close', () => reason, 'manage'),
  'GET /campaigns/:id/units': filtered((ctx) => `/campaigns/${ctx.campaignId}/units`, 'campaign units'),
  'GET /campaigns/:id/units/:unitId': onUnit('', undefined, 'read'),
  'POST /campaigns/:id/units/:unitId/reports': onUnit('/reports', () => ({ obligationId: 'report:daily:2026-03-02', zero: false, content: '正常' })),
  'POST /campaigns/:id/units/:unitId/inspections': onUnit('/inspections', () => ({ tierId: 'county-inspection', checkItemIds: [], note: '检查' })),
  'POST /campaigns/:id/units/:unitId/findings': onUnit('/findings', () => ({
    title: '脚手架连墙件缺失',
    description: '3号楼外脚手架连墙件缺失 12 处',
    location: '3号楼',
    industry: '建筑施工',
    grade: 'general',
    finder: '王五',
    deadline: DEADLINE,
  })),
  'GET /campaigns/:id/reports': campaign('/reports'),
  'GET /campaigns/:id/roll-ups': campaign('/roll-ups'),
  'GET /campaigns/:id/coverage': campaign('/coverage'),
  'GET /campaigns/:id/targets': campaign('/targets'),
  'GET /campaigns/:id/hazards': campaign('/hazards'),
  'GET /campaigns/:id/escalations': filtered((ctx) => `/campaigns/${ctx.campaignId}/escalations`, 'campaign units'),
  'GET /campaigns/:id/summary': campaign('/summary'),
  'POST /campaigns/:id/tasks': campaign('/tasks', (ctx) => ({
    taskId: `matrix-${ctx.fresh()}`,
    title: '区级实施方案',
    evidence: '实施方案文本',
    deadline: { within: { amount: 2, unit: 'days' } },
    ...reason,
  })),
  'GET /campaigns/:id/tasks': campaign('/tasks'),
  // The matrix's own inspector is the one assigned, so its inspections stay allowed whatever the route order.
  'POST /campaigns/:id/inspection-assignments': campaign('/inspection-assignments', () => ({
    inspectorId: inspector.id,
    inspectorName: inspector.name,
    unitIds: ['unit-a'],
    ...reason,
  })),
  'POST /campaigns/:id/inspection-assignments/removals': campaign('/inspection-assignments/removals', () => ({
    inspectorId: inspector.id,
    unitIds: ['unit-a'],
    ...reason,
  })),
  'GET /campaigns/:id/inspection-assignments': campaign('/inspection-assignments'),
  'GET /campaigns/:id/events': filtered((ctx) => `/campaigns/${ctx.campaignId}/events`, 'campaign units'),

  // A dry run of no file: the roles the route lets through meet the 400 (file required), never the write.
  'POST /registry/imports': () => ({ path: '/registry/imports?dryRun=true' }),

  'GET /campaign-templates': () => ({ path: '/campaign-templates' }),
  'GET /campaign-templates/:id': () => ({ path: '/campaign-templates/hundred-day-drive' }),
  'POST /campaign-templates': (ctx) => ({
    path: '/campaign-templates',
    body: { ...clone(HUNDRED_DAY_DRIVE_TEMPLATE), id: `matrix-${ctx.fresh()}`, name: '区级百日行动' },
  }),

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
  'POST /auth/login': () => ({ path: '/auth/login', body: MATRIX_LOGIN }),
  'POST /auth/refresh': (ctx) => ({ path: '/auth/refresh', body: { refreshToken: MATRIX_ACCOUNTS.refreshTokenFor(ctx.fresh()) } }),
  // The callers' demo tokens: no session to end, no account whose password to change (409).
  'POST /auth/logout': () => ({ path: '/auth/logout' }),
  'GET /auth/me': () => ({ path: '/auth/me' }),
  'POST /auth/password': () => ({ path: '/auth/password', body: { currentPassword: MATRIX_LOGIN.password, newPassword: 'another passphrase 2026' } }),
  'POST /accounts': (ctx, target) => {
    const n = ctx.fresh();
    return {
      path: '/accounts',
      body: {
        id: `matrix-acc-${n}`,
        loginName: `matrix.user${n}`,
        password: 'a passphrase for the matrix',
        displayName: '甲公司 安全员',
        personId: PERSON[target],
        role: 'unit',
        unitId: UNIT[target],
        ...reason,
      },
      // An account is placed at its unit: an office opens accounts within its territory only.
      checks: [{ unit: UNIT[target] }],
    };
  },
  'GET /accounts/:id': () => ({ path: `/accounts/${MATRIX_TARGET_ACCOUNT}`, checks: [{ unit: 'unit-a' }] }),
  'PATCH /accounts/:id': (_ctx, target) => ({
    path: `/accounts/${MATRIX_TARGET_ACCOUNT}`,
    body: { expectedVersion: 1, role: 'unit', personId: PERSON[target], unitId: UNIT[target], ...reason },
    checks: [{ unit: 'unit-a' }, { unit: UNIT[target] }],
  }),
  'GET /work-calendar': () => ({ path: '/work-calendar' }),
  'GET /work-calendar/:year': () => ({ path: '/work-calendar/2026' }),
  'PUT /work-calendar/:year': () => ({
    path: '/work-calendar/2027',
    body: { holidays: ['2027-01-01', '2027-02-06'], makeupWorkdays: ['2027-01-30'], reason: '国务院办公厅2027年放假安排' },
  }),
  ...ACCIDENT_RECIPES,
};
