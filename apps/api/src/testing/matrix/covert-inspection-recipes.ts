import { inspector } from '../actors';
import { covertPlan, type InMemoryCovertInspections } from '../in-memory-covert-inspections';
import { UNIT, type Recipe } from './recipe-parts';

/** The matrix's covert inspections: one planned, its team every inspector the matrix calls as (so none is refused by the team rule), and one completed. */
export const MATRIX_COVERT_IDS = {
  planned: 'c0de0000-0000-4000-8000-00000000c001',
  completed: 'c0de0000-0000-4000-8000-00000000c002',
} as const;

/** The inspectors of the matrix's callers (matrix-callers.ts: the unscoped one and one per county). */
const TEAM = ['', '-330106', '-330108'].map((suffix) => ({ ...inspector, id: `${inspector.id}${suffix}` }));

/** Plans both inspections and completes the second (by its leader, nothing found). */
export async function seedMatrixCovertInspections(covert: InMemoryCovertInspections): Promise<void> {
  covert.seed(covertPlan(MATRIX_COVERT_IDS.planned, TEAM[0]!, TEAM.slice(1)));
  covert.seed(covertPlan(MATRIX_COVERT_IDS.completed, TEAM[0]!, TEAM.slice(1)));
  await covert.act(MATRIX_COVERT_IDS.completed, { type: 'complete', actor: TEAM[0]!, summary: '未发现问题' });
}

const on =
  (suffix: string, body?: (target: 'own' | 'other') => unknown, id: string = MATRIX_COVERT_IDS.planned): Recipe =>
  (_ctx, target) => ({ path: `/covert-inspections/${id}${suffix}`, body: body?.(target) });

/**
 * One valid call per covert-inspection route (明察暗访). A plan is hidden, not refused: a caller
 * the rules let read who may not see it gets a 404, which the matrix accepts (it is no 401/403).
 */
export const COVERT_INSPECTION_RECIPES: Record<string, Recipe> = {
  'POST /covert-inspections': () => ({
    path: '/covert-inspections',
    body: {
      title: '危化企业暗访',
      regionId: '330106',
      leader: { accountId: inspector.id, name: inspector.name },
      members: [],
      stratifyBy: 'none',
      perStratum: 1,
    },
    checks: [{ region: '330106' }],
  }),
  'GET /covert-inspections': () => ({ path: '/covert-inspections' }),
  'GET /covert-inspections/exposure': () => ({ path: '/covert-inspections/exposure?from=2026-03-01&to=2026-03-31' }),
  'POST /covert-inspections/exposure/publications': () => ({
    path: '/covert-inspections/exposure/publications',
    body: { from: '2026-03-01', to: '2026-03-31', reason: '3月暗访情况通报' },
  }),
  'GET /covert-inspections/:id': on(''),
  'GET /covert-inspections/:id/events': on('/events'),
  // The body names the unit found at: another unit's object for a unit caller (refused by role before it matters).
  'POST /covert-inspections/:id/findings': on('/findings', (target) => ({ unitId: UNIT[target], description: '安全出口堵塞', grade: 'general' })),
  'POST /covert-inspections/:id/rectification-orders': on('/rectification-orders', (target) => ({
    unitId: UNIT[target],
    findingIds: [`${MATRIX_COVERT_IDS.planned}:f1`],
    instruction: '立即清理安全出口',
    timeLimit: { amount: 3, unit: 'days' },
  })),
  'POST /covert-inspections/:id/feedback-acknowledgements': on('/feedback-acknowledgements', () => ({
    orderId: `${MATRIX_COVERT_IDS.planned}:o1`,
    recipient: 'industry_department',
    acknowledgedBy: '危化科 值班',
  })),
  // On the completed one: every caller the rules let through meets 409 (already completed), none a 403.
  'POST /covert-inspections/:id/completion': on('/completion', () => ({ summary: '暗访结束' }), MATRIX_COVERT_IDS.completed),
};
