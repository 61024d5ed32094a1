import type { Decider } from '../decider';
import type { ScopeUnit } from './campaign-scope';
import { decideUnit, type UnitContext } from './decide-unit';
import { enrolledUnitState, evolveUnit } from './evolve-unit';
import type { UnitCommand } from './unit-commands';
import type { NewUnitEvent, UnitStreamIds } from './unit-obligations-events';
import type { UnitObligationsState } from './unit-obligations-state';

/** 责任单位任务: one unit's obligations in one campaign, in the shape every aggregate shares. */
export const unitDecider: Decider<
  UnitObligationsState,
  UnitCommand,
  NewUnitEvent,
  UnitStreamIds,
  UnitContext,
  [campaignId: string, unit: ScopeUnit, at: string, paused: boolean]
> = {
  initialState: enrolledUnitState,
  decide: decideUnit,
  evolve: evolveUnit,
  streamIds: (state) => ({ campaignId: state.campaignId, unitId: state.unit.unitId }),
};
