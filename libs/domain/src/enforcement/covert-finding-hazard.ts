import { SYSTEM_ACTOR, type Actor } from '../actor';
import type { HazardReport } from '../hazard/hazard-report';
import type { HazardInitialListing } from '../hazard/initial-listing';
import { DEFAULT_LISTING_LEVEL } from '../hazard/listing-level';
import { TEXT_LIMITS } from '../text-input';
import type { CovertInspectionEvent, NewCovertInspectionEvent } from './covert-inspection-events';
import type { CovertInspectionState } from './covert-inspection-state';
import { nameBasedUuid } from './name-based-uuid';

/** The namespace of the hazard ids derived from covert findings (a fixed random UUID: never change it). */
export const COVERT_FINDING_HAZARD_NAMESPACE = 'f3a1c7d2-5b8e-4c09-9e6a-2d7b40c18f55';

/**
 * The hazard (隐患台账) a covert finding becomes: its id follows from the finding's, so a retry
 * or a replay finds the same hazard. A UUID, as every hazard id is (the API's hazard routes take UUIDs).
 */
export const covertFindingHazardId = (findingId: string): string => nameBasedUuid(`covert-finding:${findingId}`, COVERT_FINDING_HAZARD_NAMESPACE);

/** What the registry says of the inspected unit, for its hazard's report. */
export interface CovertHazardPlace {
  /** 地点: the unit as the registry names it. */
  location: string;
  /** 行业: the registry's industry of the unit. */
  industry: string;
}

/** The hazard a finding becomes: its report (source 明察暗访), who reported it, and for a 重大隐患 its listing (挂牌督办). */
export interface CovertFindingHazard {
  findingId: string;
  hazardId: string;
  report: HazardReport;
  reporter: Actor;
  listing?: HazardInitialListing;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * The hazard filed for a finding that an on-site order names: graded as found, due by the
 * order's time limit (限时整改), found by the team's leader and reported by whoever issued the
 * order. A 重大隐患 is listed by the office that planned the inspection, its leader tracking it
 * to 销号 (对重大隐患实行挂牌督办, 限期销号).
 */
export function covertFindingHazard(s: CovertInspectionState, findingId: string, place: CovertHazardPlace): CovertFindingHazard {
  const finding = s.findings.find((f) => f.findingId === findingId);
  const order = finding && s.orders.find((o) => o.orderId === finding.orderId);
  if (!finding || !order) throw new Error(`covertFindingHazard: ${findingId} is not an ordered finding of ${s.inspectionId}`);
  const report: HazardReport = {
    title: clip(`明察暗访发现: ${finding.description}`, TEXT_LIMITS.title),
    description: finding.description,
    location: clip(place.location, TEXT_LIMITS.shortText),
    industry: clip(place.industry, TEXT_LIMITS.shortText),
    unitId: finding.unitId,
    grade: finding.grade,
    source: 'covert_inspection',
    finder: s.plan.leader.name,
    deadline: order.dueAt,
  };
  const hazard: CovertFindingHazard = { findingId, hazardId: covertFindingHazardId(findingId), report, reporter: order.issuedBy };
  if (finding.grade !== 'major') return hazard;
  const office = s.plannedBy;
  const listing: HazardInitialListing = {
    level: DEFAULT_LISTING_LEVEL,
    tracker: { name: s.plan.leader.name, ...(office.unitId ? { unitId: office.unitId } : {}) },
    reason: `暗访发现重大隐患 (major hazard found by covert inspection ${s.inspectionId}), 限期销号 by ${order.dueAt}`,
    actor: office,
  };
  return { ...hazard, listing };
}

/** The findings that `events` put under an order and that have no hazard yet: each becomes one. */
export function findingsAwaitingHazards(s: CovertInspectionState, events: readonly CovertInspectionEvent[]): string[] {
  const ordered = events.flatMap((e) => (e.type === 'rectification_ordered' ? e.data.findingIds : []));
  return ordered.filter((id) => s.findings.some((f) => f.findingId === id && f.hazardId === undefined));
}

/** The covert record's note that a finding's hazard is in the ledger (隐患台账), under its workflow. */
export function hazardRegisteredEvent(
  hazard: Pick<CovertFindingHazard, 'findingId' | 'hazardId'>,
  workflowId: string,
  now: Date,
): NewCovertInspectionEvent {
  return {
    type: 'hazard_registered',
    data: { findingId: hazard.findingId, hazardId: hazard.hazardId, workflowId },
    at: now.toISOString(),
    actor: SYSTEM_ACTOR,
    reason: `隐患登记入台账: finding ${hazard.findingId} is hazard ${hazard.hazardId}, tracked to 销号`,
  };
}
