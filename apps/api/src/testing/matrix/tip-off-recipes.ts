import { MATRIX_TIP_OFF_ID, sampleTip } from '../in-memory-tip-offs';
import type { Recipe, Target } from './route-recipes';

/** Tips are about a region (属地): the matrix's tip is about unit-a's, so its unit's place says where it lies. */
const UNIT: Record<Target, string> = { own: 'unit-a', other: 'unit-b' };
const tip =
  (suffix: string, body?: unknown): Recipe =>
  () => ({ path: `/tip-offs/${MATRIX_TIP_OFF_ID}${suffix}`, body, checks: [{ unit: 'unit-a' }] });

/** One valid call per tip-off route (举报受理、核查、台账). */
export const TIP_OFF_RECIPES: Record<string, Recipe> = {
  // The body names a unit (被举报单位), so a caller is also tried on the other unit's tip; both lie in one region.
  'POST /tip-offs': (_ctx, target) => ({ path: '/tip-offs', body: { ...sampleTip, unitId: UNIT[target] }, checks: [{ unit: UNIT[target] }] }),
  'GET /tip-offs': () => ({ path: '/tip-offs', checks: [{ list: undefined }] }),
  'GET /tip-offs/:id': tip(''),
  'GET /tip-offs/:id/events': tip('/events'),
  'POST /tip-offs/:id/verification': tip('/verification', {
    verified: false,
    findings: '经核查, 举报内容不属实',
    responsiblePeople: [],
    verifiedBy: '矩阵核查组',
    verifiedAt: '2026-03-02T07:00:00.000Z',
  }),
};
