import type { Actor } from '../actor';
import type { CommandInput } from '../decider';
import type { HazardStatus } from '../hazard/hazard-status';
import type { Casualties } from './accident-grade';
import type { AuthorityLevel } from './authority-level';
import type { FourGate, ResponsibilityMeasure } from './four-gates';
import type { ReportChannel } from './reporting-chain';
import type { TipOff, TipOffVerification } from './tip-off';

/** Everything a person (or Duban, for a hazard's status) can ask of an accident after it is reported. */
export type AccidentCommand =
  | {
      type: 'report_follow_up';
      actor: Actor;
      casualties: Casualties;
      livesEndangered?: number;
      account: string;
      reporter: string;
      reportedAt: string;
    }
  | { type: 'record_chain_report'; actor: Actor; stepId: string; receivedAt: string; channel: ReportChannel }
  | { type: 'record_tip_off'; actor: Actor; tip: TipOff; verification: TipOffVerification }
  | { type: 'open_investigation'; actor: Actor; leader: string; members: string[]; level?: AuthorityLevel; upgradingCampaignId?: string }
  | { type: 'take_over'; actor: Actor; level: AuthorityLevel; reason: string }
  | { type: 'list_for_supervision'; actor: Actor; committeeLevel: AuthorityLevel; orderRef: string; reason: string }
  | { type: 'extend_report_deadline'; actor: Actor; days: number; approval: string; reason: string }
  | { type: 'submit_investigation_report'; actor: Actor; summary: string; causes: string; attachments?: string[] }
  | {
      type: 'record_responsibility';
      actor: Actor;
      person: string;
      position: string;
      measure: ResponsibilityMeasure;
      decidedBy: string;
      detail: string;
    }
  | { type: 'link_rectification_hazard'; actor: Actor; hazardId: string; status: HazardStatus }
  | { type: 'sync_rectification_hazard'; actor: Actor; hazardId: string; status: HazardStatus }
  | { type: 'record_education'; actor: Actor; heldAt: string; topic: string; attendees: string[] }
  | { type: 'close_gate'; actor: Actor; gate: FourGate; evidence: string; person: string }
  | { type: 'reopen_gate'; actor: Actor; gate: FourGate; reason: string }
  | { type: 'close_investigation'; actor: Actor; authority: string };

export type AccidentCommandType = AccidentCommand['type'];

// What a person fills in for each command (the API's request bodies); the actor comes from the credentials.
export type ReportFollowUpArgs = CommandInput<AccidentCommand, 'report_follow_up'>;
export type RecordChainReportArgs = CommandInput<AccidentCommand, 'record_chain_report'>;
export type RecordTipOffArgs = CommandInput<AccidentCommand, 'record_tip_off'>;
export type OpenInvestigationArgs = CommandInput<AccidentCommand, 'open_investigation'>;
export type TakeOverArgs = CommandInput<AccidentCommand, 'take_over'>;
export type ListForSupervisionArgs = CommandInput<AccidentCommand, 'list_for_supervision'>;
export type ExtendReportDeadlineArgs = CommandInput<AccidentCommand, 'extend_report_deadline'>;
export type SubmitInvestigationReportArgs = CommandInput<AccidentCommand, 'submit_investigation_report'>;
export type RecordResponsibilityArgs = CommandInput<AccidentCommand, 'record_responsibility'>;
export type LinkRectificationHazardArgs = CommandInput<AccidentCommand, 'link_rectification_hazard'>;
export type RecordEducationArgs = CommandInput<AccidentCommand, 'record_education'>;
export type CloseGateArgs = CommandInput<AccidentCommand, 'close_gate'>;
export type ReopenGateArgs = CommandInput<AccidentCommand, 'reopen_gate'>;
export type CloseInvestigationArgs = CommandInput<AccidentCommand, 'close_investigation'>;
