import type { CaseOrigin, RespondentRole } from './enforcement-terms';

/** One party punished for the violation (一并处罚): the enterprise, its 法定代表人, its 实际控制人 … */
export interface Respondent {
  respondentId: string;
  role: RespondentRole;
  name: string;
}

/** An illegal act found (违法行为); `serious` ones (严重非法违法行为) count towards the one-month rule. */
export interface CaseViolationInput {
  description: string;
  serious: boolean;
  /** When it was found (RFC 3339); its China calendar day is what the rules count. */
  foundAt: string;
  legalBasis: string;
}

export interface CaseViolation extends CaseViolationInput {
  violationId: string;
  /** The China calendar day it was found on (CST). */
  foundOn: string;
  /** How it came to the case: with the filing, recorded later, or found producing during suspension (停产期间擅自生产). */
  via: 'filing' | 'recorded' | 'supervision_check';
}

/** What opens a case (立案): the unit, where the case comes from, the violation and whom it names. */
export interface EnforcementCaseFiling {
  caseId: string;
  /** The enterprise the case is against (the registry's unit). */
  unitId: string;
  regionId: string;
  industryId?: string;
  origin: CaseOrigin;
  /** The record the case comes from (hazard, covert inspection, accident id); required for those origins. */
  sourceRef?: string;
  violation: CaseViolationInput;
  respondents: Respondent[];
  /** The law the case is opened under (立案依据). */
  legalBasis: string;
}
