import { MATRIX_RECONCILIATION_RUN_ID } from '../in-memory-reconciliation';
import { reason, type Recipe } from './recipe-parts';

/** One valid call per route of reconciliation (台账核对): a run spans every unit, so no object checks. */
export const RECONCILIATION_RECIPES: Record<string, Recipe> = {
  'POST /reconciliation/runs': () => ({ path: '/reconciliation/runs', body: { ...reason }, checks: [] }),
  'GET /reconciliation/runs': () => ({ path: '/reconciliation/runs', checks: [] }),
  'GET /reconciliation/runs/:runId': () => ({ path: `/reconciliation/runs/${MATRIX_RECONCILIATION_RUN_ID}`, checks: [] }),
};
