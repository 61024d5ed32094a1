import { SYSTEM_ACTOR } from '../actor';
import type { NewHazardEvent } from '../hazard/hazard-events';
import type { HazardPolicy } from '../hazard/hazard-policy';
import type { HazardState } from '../hazard/hazard-state';
import type { EnforcementCaseFiling, Respondent } from './enforcement-case-filing';
import { STANDARD_ENFORCEMENT_POLICY, type HazardCaseTriggers } from './enforcement-policy';
import { CASE_ORIGIN_LABELS } from './enforcement-terms';
import { HAZARD_CASE_LEGAL_BASIS, type HazardCaseOpening } from './hazard-case-trigger';

/** What the registry says of the unit a hazard's case is against: where it is and whom the case names (一并处罚). */
export interface UnitForCase {
  regionId: string;
  industryId: string | null;
  /** The enterprise first, then the people the registry names for it (its 主要负责人). */
  respondents: Respondent[];
}

/** The one case a hazard can open: its id follows from the hazard's, so a retry or a replay finds the same case. */
export const hazardCaseId = (hazardId: string): string => `hazard-${hazardId}`;

/** The triggers a hazard opens a case by: its own policy's when it names them, else the standard enforcement policy's. */
export function hazardCaseTriggersOf(policy: HazardPolicy): HazardCaseTriggers {
  return policy.caseTriggers ?? STANDARD_ENFORCEMENT_POLICY.hazardTriggers;
}

/** The hazard events the triggers read (hazardCaseTrigger): the rest never change which case opens or when. */
const TRIGGER_EVENT_TYPES: ReadonlySet<NewHazardEvent['type']> = new Set([
  'reported',
  'overdue',
  'extension_approved',
  'verification_rejected',
  'signed_off',
]);

export const readsCaseTrigger = (event: NewHazardEvent): boolean => TRIGGER_EVENT_TYPES.has(event.type);

/**
 * The report as an event, from a state: a workflow that continued as new from a run before the
 * triggers kept their events still knows what was reported (its later overdue and rejections are
 * then only those it sees itself).
 */
export function reportedEventOf(state: HazardState): NewHazardEvent {
  return {
    type: 'reported',
    data: { hazardId: state.hazardId, report: state.report, policy: state.policy },
    at: state.reportedAt,
    actor: state.reportedBy,
    reason: '登记',
  };
}

/** The filing (立案) of the case a hazard's trigger opens, with the registry's region and respondents. */
export function hazardCaseFiling(opening: HazardCaseOpening, unit: UnitForCase): EnforcementCaseFiling {
  return {
    caseId: hazardCaseId(opening.sourceRef),
    unitId: opening.unitId,
    regionId: unit.regionId,
    ...(unit.industryId ? { industryId: unit.industryId } : {}),
    origin: opening.origin,
    sourceRef: opening.sourceRef,
    violation: opening.violation,
    respondents: unit.respondents,
    legalBasis: opening.violation.legalBasis || HAZARD_CASE_LEGAL_BASIS,
  };
}

/** The hazard's own record of the case it opened, by Duban (the system actor). */
export function caseOpenedEvent(opening: HazardCaseOpening, workflowId: string, now: Date): NewHazardEvent {
  return {
    type: 'enforcement_case_opened',
    data: { caseId: hazardCaseId(opening.sourceRef), workflowId, origin: opening.origin },
    at: now.toISOString(),
    actor: SYSTEM_ACTOR,
    reason: `${CASE_ORIGIN_LABELS[opening.origin]}: ${opening.violation.description}`,
  };
}
