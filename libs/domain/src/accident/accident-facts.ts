import { cstDate } from '../time/china-day';
import { deathsForGrading, type AccidentGrade } from './accident-grade';
import type { AccidentEvent, NewAccidentEvent } from './accident-events';
import type { AccidentKind, AccidentSector } from './accident-kind';
import type { ConcealmentKind } from './tip-off';

/** The levels of territory (属地) rules and caps are counted over. */
export type TerritoryLevel = 'county' | 'city' | 'province';

/** For each region an accident is placed in, its county, city and province (from the registry). */
export type RegionTerritories = Readonly<Record<string, Partial<Record<TerritoryLevel, string>>>>;

/** What the accountability rules and control indicators read of one accident: its latest numbers and grade. */
export interface AccidentFact {
  accidentId: string;
  occurredAt: string;
  /** The China calendar day it happened (CST): years and months are counted on it. */
  day: string;
  regionId: string;
  unitId: string;
  kind: AccidentKind;
  sector: AccidentSector;
  grade: AccidentGrade;
  /** Deaths as counted for grading (the missing too where the policy counts them). */
  deaths: number;
  concealment: ConcealmentKind[];
}

/** The accidents' latest facts, folded from their events (any order of accidents, each accident's own in order). */
export function accidentFactsFromEvents(events: ReadonlyArray<AccidentEvent | (NewAccidentEvent & { accidentId: string })>): AccidentFact[] {
  const facts = new Map<string, AccidentFact & { countMissing: boolean }>();
  for (const event of events) {
    const fact = facts.get(event.accidentId);
    if (event.type === 'reported') {
      const { report, policy, grade } = event.data;
      facts.set(event.accidentId, {
        accidentId: event.accidentId,
        occurredAt: report.occurredAt,
        day: cstDate(new Date(report.occurredAt)),
        regionId: report.regionId,
        unitId: report.unitId,
        kind: report.kind,
        sector: report.sector,
        grade,
        deaths: deathsForGrading(report.casualties, policy.grading),
        concealment: [],
        countMissing: policy.grading.missingCountAsDeaths,
      });
    } else if (!fact) {
      continue;
    } else if (event.type === 'follow_up_reported') {
      fact.deaths = event.data.casualties.deaths + (fact.countMissing ? event.data.casualties.missing : 0);
    } else if (event.type === 'grade_changed') {
      fact.grade = event.data.to;
    } else if (event.type === 'concealment_flagged') {
      fact.concealment = [...fact.concealment, event.data.flag.kind];
    }
  }
  return [...facts.values()].map(({ countMissing: _, ...fact }) => fact);
}

/** The region of `level` an accident lies in: its own region for a county when the registry says nothing more. */
export function territoryOf(fact: AccidentFact, level: TerritoryLevel, territories: RegionTerritories = {}): string | undefined {
  const known = territories[fact.regionId];
  if (known) return known[level];
  return level === 'county' ? fact.regionId : undefined;
}

/** Every region (county, city, province) an accident lies in. */
export function regionsOf(fact: AccidentFact, territories: RegionTerritories = {}): string[] {
  const known = territories[fact.regionId];
  return known ? [fact.regionId, ...Object.values(known).filter((id): id is string => id !== undefined)] : [fact.regionId];
}
