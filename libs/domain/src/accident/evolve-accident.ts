import { deathsForGrading } from './accident-grade';
import type { NewAccidentEvent } from './accident-events';
import type { AccidentState, GateState, InvestigationState } from './accident-state';
import { levelAbove } from './authority-level';
import { FOUR_GATES, type FourGate } from './four-gates';

type Reported = Extract<NewAccidentEvent, { type: 'reported' }>;

/** The state an accident's stream starts from, built from its first event (the report). */
export function initialAccidentState(event: Reported): AccidentState {
  const { accidentId, report, policy, grade, reachedBy, openedFrom } = event.data;
  return {
    accidentId,
    report,
    policy,
    recordedBy: event.actor,
    recordedAt: event.at,
    openedFrom,
    casualties: report.casualties,
    livesEndangered: report.livesEndangered,
    grade,
    reachedBy,
    history: [{ at: report.occurredAt, grade, deaths: deathsForGrading(report.casualties, policy.grading), livesEndangered: report.livesEndangered }],
    unitReports: openedFrom === 'unit_report' ? [{ reportedAt: report.reportedAt, casualties: report.casualties }] : [],
    followUpCount: 0,
    casualtyChanges: [],
    chainReceipts: [],
    chainMissed: [],
    tipOffs: [],
    concealment: [],
    lastSeq: 0,
  };
}

const openGate = (): GateState => ({ closed: false, reopenCount: 0 });

function withInvestigation(s: AccidentState, change: (i: InvestigationState) => InvestigationState): AccidentState {
  return s.investigation ? { ...s, investigation: change(s.investigation) } : s;
}

function withGate(i: InvestigationState, gate: FourGate, change: (g: GateState) => GateState): InvestigationState {
  return { ...i, gates: { ...i.gates, [gate]: change(i.gates[gate]) } };
}

/** Applies one event. Pure: the workflow and any replay of the event log agree by construction. */
export function evolveAccident(s: AccidentState, event: NewAccidentEvent): AccidentState {
  const by = event.actor;
  switch (event.type) {
    case 'reported':
      return s;
    case 'follow_up_reported': {
      const d = event.data;
      return {
        ...s,
        casualties: d.casualties,
        livesEndangered: d.livesEndangered,
        followUpCount: s.followUpCount + 1,
        unitReports: [...s.unitReports, { reportedAt: d.reportedAt, casualties: d.casualties }],
        casualtyChanges: [...s.casualtyChanges, ...d.changes.map((c) => ({ ...c, reportedAt: d.reportedAt, reporter: d.reporter, by }))],
        history: [
          ...s.history,
          { at: d.reportedAt, grade: s.grade, deaths: deathsForGrading(d.casualties, s.policy.grading), livesEndangered: d.livesEndangered },
        ],
      };
    }
    case 'grade_changed': {
      // The follow-up that changed the grade was applied just before: its snapshot takes the new grade.
      const history = s.history.map((snap, i) => (i === s.history.length - 1 ? { ...snap, grade: event.data.to } : snap));
      return { ...s, grade: event.data.to, reachedBy: event.data.reachedBy, history };
    }
    case 'chain_report_received':
      return {
        ...s,
        chainReceipts: [...s.chainReceipts, { stepId: event.data.stepId, receivedAt: event.data.receivedAt, channel: event.data.channel, by }],
      };
    case 'tip_off_recorded': {
      const { tip, verification } = event.data;
      return {
        ...s,
        tipOffs: [...s.tipOffs, { tipOffId: tip.tipOffId, channel: tip.channel, receivedAt: tip.receivedAt, verified: verification.verified }],
      };
    }
    case 'chain_report_missed':
      return { ...s, chainMissed: [...(s.chainMissed ?? []), { stepId: event.data.stepId, deadline: event.data.deadline }] };
    case 'concealment_flagged':
      return { ...s, concealment: [...s.concealment, event.data.flag] };
    case 'investigation_opened': {
      const d = event.data;
      return {
        ...s,
        investigation: {
          level: d.level,
          basis: d.basis,
          requiredLevel: d.requiredLevel,
          upgradingCampaignId: d.upgradingCampaignId,
          openedAt: event.at,
          openedBy: by,
          leader: d.leader,
          members: d.members,
          takeOvers: [],
          reportDue: d.reportDue,
          overdue: false,
          escalations: [],
          responsibility: [],
          hazards: {},
          education: [],
          gates: Object.fromEntries(FOUR_GATES.map((g) => [g, openGate()])) as Record<FourGate, GateState>,
          status: 'investigating',
        },
      };
    }
    case 'investigation_taken_over':
      return withInvestigation(s, (i) => ({
        ...i,
        level: event.data.to,
        basis: 'taken_over',
        takeOvers: [...i.takeOvers, { ...event.data, at: event.at, by, reason: event.reason }],
      }));
    case 'listed_for_supervision':
      return withInvestigation(s, (i) => ({ ...i, listing: { ...event.data, at: event.at, by } }));
    case 'report_deadline_extended':
      return withInvestigation(s, (i) => ({ ...i, reportDue: event.data.newDue, overdue: false, extension: { ...event.data, at: event.at, by } }));
    case 'investigation_report_submitted':
      return withInvestigation(s, (i) => ({ ...i, report: { ...event.data, submittedAt: event.at, by } }));
    case 'report_overdue':
      return withInvestigation(s, (i) => ({ ...i, overdue: true }));
    case 'escalated':
      return withInvestigation(s, (i) => ({
        ...i,
        // A ladder rung that lists it: the committee one level up lists and tracks it.
        listing:
          i.listing ??
          (event.data.instrument === 'listed_supervision'
            ? { committeeLevel: levelAbove(i.level), orderRef: event.data.stepId, at: event.at, by }
            : undefined),
        escalations: [...i.escalations, { ...event.data, at: event.at }],
      }));
    case 'responsibility_recorded':
      return withInvestigation(s, (i) => ({ ...i, responsibility: [...i.responsibility, { ...event.data, at: event.at, by }] }));
    case 'rectification_hazard_linked':
    case 'rectification_hazard_status':
      return withInvestigation(s, (i) => ({ ...i, hazards: { ...i.hazards, [event.data.hazardId]: event.data.status } }));
    case 'education_recorded':
      return withInvestigation(s, (i) => ({ ...i, education: [...i.education, { ...event.data, recordedBy: by }] }));
    case 'gate_closed':
      return withInvestigation(s, (i) =>
        withGate(i, event.data.gate, (g) => ({
          ...g,
          closed: true,
          evidence: event.data.evidence,
          person: event.data.person,
          closedBy: by,
          closedAt: event.at,
        })),
      );
    case 'gate_reopened':
      return withInvestigation(s, (i) =>
        withGate(i, event.data.gate, (g) => ({
          closed: false,
          reopenCount: g.reopenCount + 1,
          lastReopen: { reason: event.reason, at: event.at, by },
        })),
      );
    case 'investigation_closed':
      return withInvestigation(s, (i) => ({ ...i, status: 'closed', closed: { at: event.at, by, authority: event.data.authority } }));
  }
}
