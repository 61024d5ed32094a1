import type { EnforcementEvent, NewEnforcementEvent } from './enforcement-events';

/** What the rules over the record read of one violation: whose, which case, the China day it was found, how serious. */
export interface ViolationFact {
  violationId: string;
  caseId: string;
  unitId: string;
  regionId: string;
  industryId?: string;
  /** The China calendar day it was found (CST). */
  foundOn: string;
  serious: boolean;
}

type CaseEvent = EnforcementEvent | (NewEnforcementEvent & { caseId: string; unitId: string });

/** Every violation in the cases' events (any order of cases, each case's own in order). */
export function violationFactsFromEvents(events: readonly CaseEvent[]): ViolationFact[] {
  const places = new Map<string, { regionId: string; industryId?: string }>();
  const facts: ViolationFact[] = [];
  for (const event of events) {
    if (event.type === 'opened') {
      const { regionId, industryId } = event.data.filing;
      places.set(event.caseId, { regionId, ...(industryId === undefined ? {} : { industryId }) });
    }
    if (event.type !== 'opened' && event.type !== 'violation_recorded') continue;
    const place = places.get(event.caseId);
    if (!place) continue;
    const { violationId, foundOn, serious } = event.data.violation;
    facts.push({ violationId, caseId: event.caseId, unitId: event.unitId, ...place, foundOn, serious });
  }
  return facts;
}

/** Each unit's facts in the order they were found (ties by id, so any input order gives the same answer). */
export function factsByUnit(facts: readonly ViolationFact[]): Map<string, ViolationFact[]> {
  const sorted = [...facts].sort((a, b) => a.foundOn.localeCompare(b.foundOn) || a.violationId.localeCompare(b.violationId));
  const units = new Map<string, ViolationFact[]>();
  for (const fact of sorted) units.set(fact.unitId, [...(units.get(fact.unitId) ?? []), fact]);
  return units;
}
