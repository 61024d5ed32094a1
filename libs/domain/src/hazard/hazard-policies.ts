import { invalid } from '../rejection';
import type { HazardPolicy } from './hazard-policy';

/**
 * The 督办规则 (hazard policy) a report or launch asks for, from the policies on offer (the first
 * is the default, used when none is named). An unknown id is refused naming `field`, the input
 * that carried it (`policyId` on a hazard, `hazardPolicyId` on a campaign launch).
 */
export function chooseHazardPolicy(policies: readonly HazardPolicy[], policyId: string | undefined, field = 'policyId'): HazardPolicy {
  if (policies.length === 0) throw new RangeError('chooseHazardPolicy: no hazard policy on offer');
  if (policyId === undefined) return policies[0];
  const policy = policies.find((p) => p.id === policyId);
  if (!policy)
    throw invalid('hazard.policy.unknown', field, `unknown ${field} ${JSON.stringify(policyId)}; known: ${policies.map((p) => p.id).join(', ')}`);
  return policy;
}
