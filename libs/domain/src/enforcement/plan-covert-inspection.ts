import type { Actor } from '../actor';
import { isValidId } from '../hazard/hazard-report';
import { invalid } from '../rejection';
import { requiredText, TEXT_LIMITS } from '../text-input';
import { authorize } from '../permissions';
import { COVERT_INSPECTION_PERMISSIONS } from './covert-inspection-permissions';
import type { NewCovertInspectionEvent } from './covert-inspection-events';
import type { CovertInspectionPlan, CovertInspectionPolicy, TeamMember } from './covert-inspection-plan';
import { drawCovertSample, type CovertSample } from './covert-sample';

function requireId(value: unknown, field: string): void {
  if (!isValidId(value)) throw invalid('input.malformed_id', field, `${field} must be 1–100 letters, digits, _ . : -`);
}

function member(m: TeamMember, field: string): void {
  requiredText(m?.accountId, `${field}.accountId`, TEXT_LIMITS.shortText);
  requiredText(m?.name, `${field}.name`, TEXT_LIMITS.shortText);
}

/** Checks a plan and draws its sample; a refusal names the field and writes nothing. */
export function admitCovertInspectionPlan(plan: CovertInspectionPlan, planner: Actor): CovertSample {
  authorize(COVERT_INSPECTION_PERMISSIONS, 'plan', planner);
  requireId(plan.inspectionId, 'inspectionId');
  requireId(plan.regionId, 'regionId');
  requiredText(plan.title, 'title', TEXT_LIMITS.title);
  member(plan.leader, 'leader');
  if (!Array.isArray(plan.members)) throw invalid('input.not_a_list', 'members', 'members must be a list');
  plan.members.forEach((m, i) => member(m, `members[${i}]`));
  if (!Array.isArray(plan.candidates)) throw invalid('input.not_a_list', 'candidates', 'candidates must be a list');
  plan.candidates.forEach((c, i) => {
    requireId(c.unitId, `candidates[${i}].unitId`);
    requireId(c.regionId, `candidates[${i}].regionId`);
    if (c.industryId !== null) requireId(c.industryId, `candidates[${i}].industryId`);
  });
  return drawCovertSample(plan.candidates, plan);
}

/** The event that opens a covert inspection's record: the plan, its policy and the sample its seed draws. */
export function planCovertInspection(
  plan: CovertInspectionPlan,
  planner: Actor,
  policy: CovertInspectionPolicy,
  now: Date,
): NewCovertInspectionEvent[] {
  const sample = admitCovertInspectionPlan(plan, planner);
  return [
    {
      type: 'planned',
      data: { plan, policy, sample },
      at: now.toISOString(),
      actor: planner,
      reason: `暗访 ${plan.title}: 不打招呼、随机抽查 ${sample.unitIds.length} of ${plan.candidates.length} units (seed ${plan.seed}, by ${plan.stratifyBy}); team led by ${plan.leader.name}`,
    },
  ];
}
