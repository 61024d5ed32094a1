import { applyEvents, type Decider } from '../decider';
import { decideEnforcement } from './decide-enforcement';
import type { EnforcementCommand } from './enforcement-commands';
import type { EnforcementEvent, EnforcementStreamIds, NewEnforcementEvent } from './enforcement-events';
import type { EnforcementCaseState } from './enforcement-state';
import { evolveEnforcement, initialEnforcementState } from './evolve-enforcement';

type Opened = Extract<NewEnforcementEvent, { type: 'opened' }>;

/** An enforcement case in the shape every aggregate shares; 立案 starts its stream. */
export const enforcementDecider: Decider<EnforcementCaseState, EnforcementCommand, NewEnforcementEvent, EnforcementStreamIds, void, [Opened]> = {
  initialState: initialEnforcementState,
  decide: (state, command, now) => decideEnforcement(state, command, now),
  evolve: evolveEnforcement,
  streamIds: (state) => ({ caseId: state.caseId, unitId: state.unitId }),
};

/** Folds a case's opening events (立案 first) into its first state. */
export function foldEnforcementOpening(opening: NewEnforcementEvent[]): { state: EnforcementCaseState; events: EnforcementEvent[] } {
  const [first] = opening;
  if (!first || first.type !== 'opened') throw new Error('an enforcement case opens with 立案');
  return applyEvents(enforcementDecider, enforcementDecider.initialState(first), opening);
}
