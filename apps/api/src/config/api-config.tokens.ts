/** `() => Date`: the clock the API admits reports with. */
export const CLOCK = Symbol('DubanClock');

/** `HazardPolicy[]`: the policies offices may choose; the first is the default. */
export const HAZARD_POLICIES = Symbol('DubanHazardPolicies');
