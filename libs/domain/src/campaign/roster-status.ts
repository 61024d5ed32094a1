import type { UnitCampaignStatus } from './unit-obligations-state';

/** A unit's status on a campaign's roster: its workflow's, or `pending` before that has recorded anything. */
export type CampaignRosterStatus = UnitCampaignStatus | 'pending';

/** In scope: on the roster and not removed from it; what coverage-style rates count (units in scope). */
export const isInScope = (unit: { status: string }): boolean => unit.status !== 'removed';

/** Enrolled: in scope and its workflow has started; a pending unit owes nothing yet, so it is neither assessed nor counted as owing. */
export const isEnrolled = (unit: { status: string }): boolean => isInScope(unit) && unit.status !== 'pending';

/** Still running its obligations: what a closing campaign waits for (a removed or closed unit has settled). */
export const isUnitOpen = (unit: { status: string }): boolean => unit.status === 'active' || unit.status === 'paused';
