import { hazardWorkflowId } from '@duban/domain';
import { UNIT, type Recipe } from './recipe-parts';

/** One valid call per route of the audit (重放审计, 审计导出): the matrix's own-unit hazard, and its campaign's whole tree. */
export const AUDIT_RECIPES: Record<string, Recipe> = {
  // Replaying a workflow is reading what it stands for: here unit-a's hazard, within the caller's territory.
  'GET /audit/workflows/:workflowId/replay': (ctx) => ({
    path: `/audit/workflows/${hazardWorkflowId(ctx.hazardIds.own)}/replay`,
    checks: [{ unit: UNIT.own }],
  }),
  'GET /audit/campaigns/:campaignId/replay': (ctx) => ({ path: `/audit/campaigns/${ctx.campaignId}/replay`, checks: [{ campaign: 'read' }] }),
  // Exporting a hazard's bundle is reading the hazard: unit-a's, within the caller's territory.
  'GET /audit/bundles/:kind/:id': (ctx) => ({ path: `/audit/bundles/hazard/${ctx.hazardIds.own}`, checks: [{ unit: UNIT.own }] }),
};
