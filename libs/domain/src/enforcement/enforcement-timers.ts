import { SYSTEM_ACTOR } from '../actor';
import { addSpan } from '../time/add-span';
import type { NewEnforcementEvent } from './enforcement-events';
import { SUPERVISED_STATUSES, type EnforcementCaseState } from './enforcement-state';

/** When Duban must look at the case next: the suspended unit's next supervision check, while it is supervised. */
export function nextEnforcementTimerAt(s: EnforcementCaseState): Date | undefined {
  const p = s.suspension;
  if (s.status !== 'open' || !p || !SUPERVISED_STATUSES.has(p.status) || p.nextCheckDue === undefined) return undefined;
  return new Date(p.nextCheckDue);
}

/** What falls due at `now`: a supervision check not recorded by its due time is recorded missed, and the next one falls due a period on. */
export function decideEnforcementTimers(s: EnforcementCaseState, now: Date): NewEnforcementEvent[] {
  const due = nextEnforcementTimerAt(s);
  if (!due || now < due) return [];
  const nextCheckDue = addSpan(due, s.policy.supervisionCheckEvery).toISOString();
  return [
    {
      type: 'supervision_check_missed',
      data: { due: due.toISOString(), nextCheckDue },
      at: now.toISOString(),
      actor: SYSTEM_ACTOR,
      reason: `停产期间监管检查逾期: unit ${s.unitId} was due a check by ${due.toISOString()}`,
      legalBasis: s.policy.source,
    },
  ];
}
