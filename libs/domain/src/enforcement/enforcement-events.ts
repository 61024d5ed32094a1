import type { Actor } from '../actor';
import type { Recorded } from '../decider';
import type { EnforcementCaseFiling, Respondent, CaseViolation } from './enforcement-case-filing';
import type { EnforcementPolicy } from './enforcement-policy';
import type { ReferralOutcome } from './enforcement-terms';

/** What happened to an enforcement case, in order; each event names who, when, why and under which law. */
export type EnforcementEventBody =
  | { type: 'opened'; data: { filing: EnforcementCaseFiling; policy: EnforcementPolicy; violation: CaseViolation } }
  | { type: 'respondent_added'; data: { respondent: Respondent } }
  | { type: 'violation_recorded'; data: { violation: CaseViolation } }
  | { type: 'criminal_flagged'; data: Record<string, never> }
  | { type: 'suspension_imposed'; data: { respondentId: string; nextCheckDue: string } }
  | { type: 'fine_imposed'; data: { respondentId: string; amountYuan: number; upperLimitYuan: number } }
  | { type: 'referred_to_judiciary'; data: { respondentIds: string[]; receivingAuthority: string } }
  | { type: 'referral_outcome_recorded'; data: { outcome: ReferralOutcome; decisionRef: string } }
  | { type: 'rectification_filed'; data: { summary: string; attachments: string[] } }
  | { type: 'resumption_inspected'; data: { passed: boolean; findings: string; inspectors: string[]; attempt: number } }
  /** 经停产整顿仍未达到要求: the failed inspections reached the policy's limit, so the unit is to be closed. */
  | { type: 'closure_required'; data: { failedInspections: number } }
  | { type: 'resumption_signed'; data: { levelId: string; signer: string; opinion: string } }
  | { type: 'resumed'; data: { signatures: number } }
  | { type: 'closure_imposed'; data: { afterFailedResumption: boolean } }
  | { type: 'supervision_check_recorded'; data: { checkedAt: string; producing: boolean; findings: string; nextCheckDue: string } }
  | { type: 'supervision_check_missed'; data: { due: string; nextCheckDue: string } }
  | { type: 'case_closed'; data: { conclusion: string } };

export type EnforcementEventType = EnforcementEventBody['type'];

/** `legalBasis`: the law or policy relied on (a decision's article, or the policy's source for a procedural step). */
export type NewEnforcementEvent = EnforcementEventBody & { at: string; actor: Actor; reason: string; legalBasis: string };

/** The ids every recorded enforcement event carries: the case and the unit it is against. */
export type EnforcementStreamIds = { caseId: string; unitId: string };

export type EnforcementEvent = Recorded<NewEnforcementEvent, EnforcementStreamIds>;

export const ENFORCEMENT_EVENT_LABELS: Record<EnforcementEventType, string> = {
  opened: '立案 (case opened)',
  respondent_added: '追加被处罚人 (respondent added: 一并处罚)',
  violation_recorded: '违法行为 (violation recorded)',
  criminal_flagged: '涉嫌犯罪 (flagged as criminal)',
  suspension_imposed: '停产整顿 (suspension imposed)',
  fine_imposed: '上限处罚 (maximum fine imposed)',
  referred_to_judiciary: '移送司法 (referred to the judiciary)',
  referral_outcome_recorded: '司法机关答复 (the judiciary’s answer)',
  rectification_filed: '整改报告 (rectification filed)',
  resumption_inspected: '复产验收 (resumption inspection)',
  closure_required: '整顿仍不合格, 应予关闭取缔 (closure required)',
  resumption_signed: '复产签字 (resumption signed by a level)',
  resumed: '复工复产 (resumed)',
  closure_imposed: '关闭取缔 (closure imposed)',
  supervision_check_recorded: '停产监管检查 (supervision check)',
  supervision_check_missed: '停产监管检查逾期 (supervision check missed)',
  case_closed: '结案 (case closed)',
};
