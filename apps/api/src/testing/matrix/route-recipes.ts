import { HUNDRED_DAY_DRIVE_TEMPLATE } from '@duban/domain';
import { clone, launchBody, UNITS } from '../campaign-spec-fixtures';
import { report } from '../in-memory-hazards';
import { inspector } from '../actors';
import { ACCOUNT_RECIPES } from './account-recipes';
import { filtered, reason, UNIT, type MatrixContext, type Recipe } from './recipe-parts';
import { REGISTRY_RECIPES } from './registry-recipes';
import { TIP_OFF_RECIPES } from './tip-off-recipes';
import { ACCIDENT_RECIPES } from './accident-recipes';
import { ACCIDENT_RECORD_RECIPES } from './accident-record-recipes';
import { ENFORCEMENT_RECIPES } from './enforcement-recipes';
import { COVERT_INSPECTION_RECIPES } from './covert-inspection-recipes';
import { ENFORCEMENT_RECORD_RECIPES } from './enforcement-record-recipes';
import { AUDIT_RECIPES } from './audit-recipes';
import { EVIDENCE_RECIPES } from './evidence-recipes';
import { RECONCILIATION_RECIPES } from './reconciliation-recipes';

export type { Call, MatrixContext, Recipe, ScopeCheck, Target } from './recipe-parts';

const DEADLINE = '2026-03-20T00:00:00.000Z';

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
/** The matrix's campaign roster: the registry's units (a roster unit the registry lacks lies in no territory). */
const ROSTER = UNITS.filter((u) => u.unitId === 'unit-a' || u.unitId === 'unit-b');
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
  // The Excel ledger (隐患台账): the export is a list read; the import's rows are each admitted as a report (its own spec).
  'GET /hazards/ledger.xlsx': filtered(() => '/hazards/ledger.xlsx'),
  'GET /hazards/imports/template.xlsx': () => ({ path: '/hazards/imports/template.xlsx' }),
  'POST /hazards/imports': () => ({ path: '/hazards/imports?dryRun=true' }),
  'GET /hazards/:id': hazard(''),
  'GET /hazards/:id/events': hazard('/events'),
  'GET /hazards/:id/oversights': hazard('/oversights'),
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
  'GET /campaigns/:id/units/ledger.xlsx': filtered((ctx) => `/campaigns/${ctx.campaignId}/units/ledger.xlsx`, 'campaign units'),
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

  'GET /campaign-templates': () => ({ path: '/campaign-templates' }),
  'GET /campaign-templates/:id': () => ({ path: '/campaign-templates/hundred-day-drive' }),
  'POST /campaign-templates': (ctx) => ({
    path: '/campaign-templates',
    body: { ...clone(HUNDRED_DAY_DRIVE_TEMPLATE), id: `matrix-${ctx.fresh()}`, name: '区级百日行动' },
  }),

  ...REGISTRY_RECIPES,
  ...ACCOUNT_RECIPES,
  'GET /work-calendar': () => ({ path: '/work-calendar' }),
  'GET /work-calendar/:year': () => ({ path: '/work-calendar/2026' }),
  'PUT /work-calendar/:year': () => ({
    path: '/work-calendar/2027',
    body: { holidays: ['2027-01-01', '2027-02-06'], makeupWorkdays: ['2027-01-30'], reason: '国务院办公厅2027年放假安排' },
  }),
  ...TIP_OFF_RECIPES,
  ...ACCIDENT_RECIPES,
  ...ACCIDENT_RECORD_RECIPES,
  ...ENFORCEMENT_RECIPES,
  ...COVERT_INSPECTION_RECIPES,
  ...ENFORCEMENT_RECORD_RECIPES,
  ...AUDIT_RECIPES,
  ...EVIDENCE_RECIPES,
  ...RECONCILIATION_RECIPES,
};
