import type { Actor } from '../actor';
import type { EscalationInstrument } from '../hazard/escalation-instrument';
import type { HazardStatus } from '../hazard/hazard-status';
import type { AccidentGrade, Casualties, GradeCriterion } from './accident-grade';
import type { AccidentPolicy } from './accident-policy';
import type { AccidentReport, CasualtyChange } from './accident-report';
import type { AuthorityLevel } from './authority-level';
import type { FourGate, ResponsibilityMeasure } from './four-gates';
import type { InvestigationBasis } from './investigation-level';
import type { AccidentSnapshot, ChainReceipt } from './reporting-chain';
import type { ConcealmentFlag, TipOffChannel } from './tip-off';

/** One of the four gates: closed with evidence and a named person, or open (again, with the reason). */
export interface GateState {
  closed: boolean;
  evidence?: string;
  /** The person who vouches for it (谁签字、谁负责). */
  person?: string;
  closedBy?: Actor;
  closedAt?: string;
  reopenCount: number;
  lastReopen?: { reason: string; at: string; by: Actor };
}

export interface PersonDealtWith {
  person: string;
  position: string;
  measure: ResponsibilityMeasure;
  /** Who decided the measure (the discipline commission, the regulator, the procuratorate …). */
  decidedBy: string;
  detail: string;
  at: string;
  by: Actor;
}

export interface EducationSession {
  heldAt: string;
  topic: string;
  attendees: string[];
  recordedBy: Actor;
}

export interface InvestigationState {
  level: AuthorityLevel;
  basis: InvestigationBasis;
  /** The level the grade named when it opened. */
  requiredLevel: AuthorityLevel;
  upgradingCampaignId?: string;
  openedAt: string;
  openedBy: Actor;
  leader: string;
  members: string[];
  takeOvers: Array<{ from: AuthorityLevel; to: AuthorityLevel; at: string; by: Actor; reason: string }>;
  /** 挂牌督办令 by a higher committee, which then tracks it. */
  listing?: { committeeLevel: AuthorityLevel; orderRef: string; at: string; by: Actor };
  reportDue: string;
  extension?: { previousDue: string; newDue: string; days: number; approval: string; at: string; by: Actor };
  report?: { summary: string; causes: string; attachments: string[]; submittedAt: string; by: Actor };
  overdue: boolean;
  escalations: Array<{ stepId: string; instrument: EscalationInstrument; at: string; due: string }>;
  responsibility: PersonDealtWith[];
  /** The rectification measures: hazards in the ledger linked to the accident, with their latest status. */
  hazards: Record<string, HazardStatus>;
  education: EducationSession[];
  gates: Record<FourGate, GateState>;
  status: 'investigating' | 'closed';
  closed?: { at: string; by: Actor; authority: string };
}

/**
 * The authoritative record of one accident: what was reported and when, how its grade moved,
 * what each level received, concealment found, and the investigation under 四不放过.
 */
export interface AccidentState {
  accidentId: string;
  report: AccidentReport;
  policy: AccidentPolicy;
  recordedBy: Actor;
  recordedAt: string;
  /** How the office first learnt of it: the unit's own report, or a verified tip (then 瞒报). */
  openedFrom: 'unit_report' | 'tip_off';
  casualties: Casualties;
  livesEndangered: number;
  grade: AccidentGrade;
  reachedBy: GradeCriterion[];
  /** The accident as each report described it, first at the accident: the reporting chain reads it. */
  history: AccidentSnapshot[];
  /** The unit's own reports (快报 and 续报) with their numbers, for 谎报 checks. */
  unitReports: Array<{ reportedAt: string; casualties: Casualties }>;
  followUpCount: number;
  casualtyChanges: Array<CasualtyChange & { reportedAt: string; reporter: string; by: Actor; withinWindow: boolean }>;
  chainReceipts: Array<ChainReceipt & { by: Actor }>;
  /** Reports recorded missing (漏报) at their deadline; absent in states carried over from before it was recorded. */
  chainMissed?: Array<{ stepId: string; deadline: string }>;
  tipOffs: Array<{ tipOffId: string; channel: TipOffChannel; receivedAt: string; verified: boolean }>;
  concealment: ConcealmentFlag[];
  investigation?: InvestigationState;
  lastSeq: number;
}
