import type { Actor } from '../actor';
import type { CommandInput } from '../decider';
import type { Respondent, CaseViolationInput } from './enforcement-case-filing';
import type { ReferralOutcome } from './enforcement-terms';

/** Everything a person (or Duban, on a timer) can ask of an open enforcement case. */
export type EnforcementCommand =
  | { type: 'add_respondent'; actor: Actor; respondent: Respondent; reason: string; legalBasis: string }
  | { type: 'record_violation'; actor: Actor; violation: CaseViolationInput; reason: string }
  | { type: 'flag_criminal'; actor: Actor; reason: string; legalBasis: string }
  | { type: 'impose_suspension'; actor: Actor; respondentId: string; reason: string; legalBasis: string }
  | { type: 'impose_fine'; actor: Actor; respondentId: string; amountYuan: number; upperLimitYuan: number; reason: string; legalBasis: string }
  | { type: 'refer_to_judiciary'; actor: Actor; respondentIds: string[]; receivingAuthority: string; reason: string; legalBasis: string }
  | { type: 'record_referral_outcome'; actor: Actor; outcome: ReferralOutcome; decisionRef: string; reason: string }
  | { type: 'impose_closure'; actor: Actor; reason: string; legalBasis: string }
  | { type: 'file_rectification'; actor: Actor; summary: string; attachments?: string[] }
  | { type: 'record_resumption_inspection'; actor: Actor; passed: boolean; findings: string; inspectors: string[] }
  | { type: 'sign_resumption'; actor: Actor; levelId: string; signer: string; opinion: string }
  | { type: 'record_supervision_check'; actor: Actor; checkedAt: string; producing: boolean; findings: string }
  | { type: 'close_case'; actor: Actor; conclusion: string; legalBasis: string };

export type EnforcementCommandType = EnforcementCommand['type'];

// What a person fills in for each command (the API's request bodies); the actor comes from the credentials.
export type AddRespondentArgs = CommandInput<EnforcementCommand, 'add_respondent'>;
export type RecordViolationArgs = CommandInput<EnforcementCommand, 'record_violation'>;
export type FlagCriminalArgs = CommandInput<EnforcementCommand, 'flag_criminal'>;
export type ImposeSuspensionArgs = CommandInput<EnforcementCommand, 'impose_suspension'>;
export type ImposeFineArgs = CommandInput<EnforcementCommand, 'impose_fine'>;
export type ReferToJudiciaryArgs = CommandInput<EnforcementCommand, 'refer_to_judiciary'>;
export type RecordReferralOutcomeArgs = CommandInput<EnforcementCommand, 'record_referral_outcome'>;
export type ImposeClosureArgs = CommandInput<EnforcementCommand, 'impose_closure'>;
export type FileRectificationArgs = CommandInput<EnforcementCommand, 'file_rectification'>;
export type RecordResumptionInspectionArgs = CommandInput<EnforcementCommand, 'record_resumption_inspection'>;
export type SignResumptionArgs = CommandInput<EnforcementCommand, 'sign_resumption'>;
export type RecordSupervisionCheckArgs = CommandInput<EnforcementCommand, 'record_supervision_check'>;
export type CloseCaseArgs = CommandInput<EnforcementCommand, 'close_case'>;
