import type { Actor } from '../actor';
import type { Recorded } from '../decider';
import type { EscalationInstrument } from '../hazard/escalation-instrument';
import type { HazardStatus } from '../hazard/hazard-status';
import type { AccidentGrade, Casualties, GradeCriterion } from './accident-grade';
import type { AccidentPolicy } from './accident-policy';
import type { AccidentReport, CasualtyChange } from './accident-report';
import type { AuthorityLevel } from './authority-level';
import type { FourGate, ResponsibilityMeasure } from './four-gates';
import type { InvestigationBasis } from './investigation-level';
import type { ReportChannel } from './reporting-chain';
import type { ConcealmentFlag, TipOff, TipOffVerification } from './tip-off';

/** What happened to an accident's record, in order; each event names who, when and why. */
export type AccidentEventBody =
  | {
      type: 'reported';
      data: {
        accidentId: string;
        report: AccidentReport;
        policy: AccidentPolicy;
        grade: AccidentGrade;
        reachedBy: GradeCriterion[];
        openedFrom: 'unit_report' | 'tip_off';
      };
    }
  | {
      type: 'follow_up_reported';
      data: {
        casualties: Casualties;
        livesEndangered: number;
        account: string;
        reporter: string;
        reportedAt: string;
        changes: Array<CasualtyChange & { withinWindow: boolean }>;
      };
    }
  | { type: 'grade_changed'; data: { from: AccidentGrade; to: AccidentGrade; reachedBy: GradeCriterion[]; rise: boolean } }
  | { type: 'chain_report_received'; data: { stepId: string; level: AuthorityLevel; receivedAt: string; channel: ReportChannel } }
  | { type: 'chain_report_missed'; data: { stepId: string; level: AuthorityLevel; deadline: string } }
  | { type: 'tip_off_recorded'; data: { tip: TipOff; verification: TipOffVerification } }
  | { type: 'concealment_flagged'; data: { flag: ConcealmentFlag } }
  | {
      type: 'investigation_opened';
      data: {
        level: AuthorityLevel;
        basis: InvestigationBasis;
        requiredLevel: AuthorityLevel;
        upgradingCampaignId?: string;
        leader: string;
        members: string[];
        reportDue: string;
      };
    }
  | { type: 'investigation_taken_over'; data: { from: AuthorityLevel; to: AuthorityLevel } }
  | { type: 'listed_for_supervision'; data: { committeeLevel: AuthorityLevel; orderRef: string } }
  | { type: 'report_deadline_extended'; data: { previousDue: string; newDue: string; days: number; approval: string } }
  | { type: 'investigation_report_submitted'; data: { summary: string; causes: string; attachments: string[] } }
  | { type: 'report_overdue'; data: { due: string } }
  | { type: 'escalated'; data: { stepId: string; instrument: EscalationInstrument; due: string } }
  | { type: 'responsibility_recorded'; data: { person: string; position: string; measure: ResponsibilityMeasure; decidedBy: string; detail: string } }
  | { type: 'rectification_hazard_linked'; data: { hazardId: string; status: HazardStatus } }
  | { type: 'rectification_hazard_status'; data: { hazardId: string; status: HazardStatus } }
  | { type: 'education_recorded'; data: { heldAt: string; topic: string; attendees: string[] } }
  | { type: 'gate_closed'; data: { gate: FourGate; evidence: string; person: string } }
  | { type: 'gate_reopened'; data: { gate: FourGate } }
  | { type: 'investigation_closed'; data: { authority: string } };

export type AccidentEventType = AccidentEventBody['type'];

export type NewAccidentEvent = AccidentEventBody & { at: string; actor: Actor; reason: string };

/** The ids every recorded accident event carries. */
export type AccidentStreamIds = { accidentId: string };

export type AccidentEvent = Recorded<NewAccidentEvent, AccidentStreamIds>;

export const ACCIDENT_EVENT_LABELS: Record<AccidentEventType, string> = {
  reported: '事故快报 (accident reported)',
  follow_up_reported: '续报 (follow-up report)',
  grade_changed: '事故等级变化 (grade changed)',
  chain_report_received: '逐级上报 (report received by a level)',
  chain_report_missed: '漏报 (a level’s report missing at its deadline)',
  tip_off_recorded: '举报核查 (tip-off verified)',
  concealment_flagged: '瞒报/谎报 (concealment flagged)',
  investigation_opened: '成立事故调查组 (investigation opened)',
  investigation_taken_over: '提级调查 (investigation taken over)',
  listed_for_supervision: '挂牌督办 (listed for supervision)',
  report_deadline_extended: '延长调查期限 (report deadline extended)',
  investigation_report_submitted: '提交事故调查报告 (investigation report submitted)',
  report_overdue: '调查报告逾期 (investigation report overdue)',
  escalated: '督办升级 (escalated)',
  responsibility_recorded: '责任追究 (responsible person dealt with)',
  rectification_hazard_linked: '整改措施 (rectification hazard linked)',
  rectification_hazard_status: '整改进展 (rectification hazard status)',
  education_recorded: '警示教育 (education session)',
  gate_closed: '四不放过落实 (gate closed)',
  gate_reopened: '四不放过重新打开 (gate reopened)',
  investigation_closed: '结案 (investigation closed)',
};
