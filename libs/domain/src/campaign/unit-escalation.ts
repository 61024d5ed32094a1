import type { CampaignEscalationStep } from './campaign-template';

/**
 * The ladder rungs a unit has reached and not yet been given: every rung whose `afterMissed`
 * is at most the unit's missed count and whose id is not among `takenStepIds`, in ladder
 * order. A unit that misses several obligations at once gets every rung it passed (提醒 and
 * 通报 together), each once.
 */
export function unitEscalationsDue(ladder: CampaignEscalationStep[], missedCount: number, takenStepIds: string[]): CampaignEscalationStep[] {
  const taken = new Set(takenStepIds);
  return ladder.filter((step) => step.afterMissed <= missedCount && !taken.has(step.id));
}
