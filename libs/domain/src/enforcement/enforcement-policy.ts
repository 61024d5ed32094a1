import type { HazardGrade } from '../hazard/hazard-grade';
import type { TimeSpan } from '../time/time-span';

/** One level that signs a resumption (复工复产) in turn: 层层签字确认. */
export interface SignatureLevel {
  id: string;
  label: string;
}

/**
 * When a hazard's record opens a case by itself (逾期不整改或整改不合格 → 处罚). Data, so an office
 * decides how strict it is; absent, that path opens nothing.
 */
export interface HazardCaseTriggers {
  /** Overdue (逾期) hazards of these grades open a case once the deadline has passed by `after`. */
  overdue?: { grades: HazardGrade[]; after: TimeSpan };
  /** Hazards of these grades open a case at their `rejections`-th failed acceptance (验收不通过). */
  failedAcceptance?: { grades: HazardGrade[]; rejections: number };
}

/**
 * How an office runs its enforcement cases. Data, not code: each office edits its own, and a case
 * keeps the copy it opened with, so a later edit never rewrites history.
 */
export interface EnforcementPolicy {
  id: string;
  name: string;
  /** Where the rules come from: offices differ. */
  source: string;
  /** The signatures a resumption needs, lowest first (e.g. town → county department → county government). */
  resumptionSignatures: SignatureLevel[];
  /** How many resumption inspections (复产验收) may fail before the unit is closed (关闭取缔): 1 = the first failure. */
  failedInspectionsBeforeClosure: number;
  /** How often a suspended unit is checked (停产期间监管); a check is due this long after the last (or the suspension). */
  supervisionCheckEvery: TimeSpan;
  hazardTriggers: HazardCaseTriggers;
}

export const STANDARD_ENFORCEMENT_POLICY: EnforcementPolicy = {
  id: 'standard-enforcement-2026',
  name: '执法案件标准规则 (standard enforcement rules)',
  source:
    '四个一律 and 行刑衔接: 002 篇一 (不能有案不移、以罚代刑), 篇五 (经停产整顿仍未达到要求的, 一律关闭取缔); 层层签字确认后方可复工复产: 002 篇八. ' +
    'Signature levels, the single inspection before closure, the weekly check and the hazard triggers are editable defaults, not quoted.',
  resumptionSignatures: [
    { id: 'town', label: '乡镇(街道) (town)' },
    { id: 'county_department', label: '县级行业主管部门 (county department)' },
    { id: 'county_government', label: '县级人民政府 (county government)' },
  ],
  failedInspectionsBeforeClosure: 1,
  supervisionCheckEvery: { amount: 7, unit: 'days' },
  hazardTriggers: {
    overdue: { grades: ['major'], after: { amount: 0, unit: 'hours' } },
    failedAcceptance: { grades: ['general', 'major'], rejections: 2 },
  },
};
