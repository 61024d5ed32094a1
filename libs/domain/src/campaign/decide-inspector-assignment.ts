import type { Actor } from '../actor';
import { conflict, invalid } from '../rejection';
import { requiredText, TEXT_LIMITS } from '../text-input';
import { isValidId } from '../hazard/hazard-report';
import type { CampaignCommand } from './campaign-commands';
import type { CampaignState, NewCampaignEvent } from './campaign-state';
import { authorizeTargets, targetUnitIds } from './decide-add-task';

type Assign = Extract<CampaignCommand, { type: 'assign_inspector' | 'unassign_inspector' }>;
type Base = { at: string; actor: Actor; reason: string };

/**
 * 检查组分工: assigns an inspector to roster units within the office's territory, or removes the
 * assignment. Assigning again where it stands decides nothing (idempotent); removing one that does
 * not stand on any of the units is a conflict. Pure, for the update's validator.
 */
export function decideInspectorAssignment(state: CampaignState, command: Assign, base: Base): NewCampaignEvent[] {
  if (!isValidId(command.inspectorId)) throw invalid('input.malformed_id', 'inspectorId', 'inspectorId must be an account id');
  const unitIds = targetUnitIds(command.units, 'unitIds');
  authorizeTargets(command.actor, command.units);
  const holds = (unitId: string) => (state.inspectionAssignments ?? []).some((a) => a.unitId === unitId && a.inspectorId === command.inspectorId);
  if (command.type === 'assign_inspector') {
    const inspectorName = requiredText(command.inspectorName, 'inspectorName', TEXT_LIMITS.shortText);
    const fresh = unitIds.filter((id) => !holds(id));
    if (fresh.length === 0) return [];
    return [{ ...base, type: 'inspector_assigned', data: { inspectorId: command.inspectorId, inspectorName, unitIds: fresh } }];
  }
  const held = unitIds.filter(holds);
  if (held.length === 0)
    throw conflict('campaign.inspection.not_assigned', `inspector ${command.inspectorId} is assigned to none of ${unitIds.join(', ')}`);
  return [{ ...base, type: 'inspector_unassigned', data: { inspectorId: command.inspectorId, unitIds: held } }];
}
