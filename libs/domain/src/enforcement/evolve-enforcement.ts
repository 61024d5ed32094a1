import type { NewEnforcementEvent } from './enforcement-events';
import type { EnforcementCaseState, EnforcementStamp, SuspensionState } from './enforcement-state';

type Opened = Extract<NewEnforcementEvent, { type: 'opened' }>;

const stampOf = (event: NewEnforcementEvent): EnforcementStamp => ({
  at: event.at,
  by: event.actor,
  reason: event.reason,
  legalBasis: event.legalBasis,
});

/** The state a case's stream starts from, built from its first event (立案). */
export function initialEnforcementState(event: Opened): EnforcementCaseState {
  const { filing, policy } = event.data;
  return {
    caseId: filing.caseId,
    unitId: filing.unitId,
    regionId: filing.regionId,
    ...(filing.industryId === undefined ? {} : { industryId: filing.industryId }),
    origin: filing.origin,
    ...(filing.sourceRef === undefined ? {} : { sourceRef: filing.sourceRef }),
    policy,
    opened: stampOf(event),
    respondents: filing.respondents,
    violations: [],
    fines: [],
    status: 'open',
    lastSeq: 0,
  };
}

function withSuspension(s: EnforcementCaseState, change: (p: SuspensionState) => SuspensionState): EnforcementCaseState {
  return s.suspension ? { ...s, suspension: change(s.suspension) } : s;
}

/** Applies one event. Pure: the workflow and any replay of the case's events agree by construction. */
export function evolveEnforcement(s: EnforcementCaseState, event: NewEnforcementEvent): EnforcementCaseState {
  const by = event.actor;
  switch (event.type) {
    case 'opened':
      return { ...s, violations: [...s.violations, event.data.violation] };
    case 'respondent_added':
      return { ...s, respondents: [...s.respondents, event.data.respondent] };
    case 'violation_recorded':
      return { ...s, violations: [...s.violations, event.data.violation] };
    case 'criminal_flagged':
      return { ...s, criminal: stampOf(event) };
    case 'suspension_imposed':
      return {
        ...s,
        suspension: {
          status: 'suspended',
          respondentId: event.data.respondentId,
          imposed: stampOf(event),
          rectifications: [],
          inspections: [],
          signatures: [],
          checks: [],
          missedChecks: [],
          nextCheckDue: event.data.nextCheckDue,
        },
      };
    case 'fine_imposed':
      return { ...s, fines: [...s.fines, { ...event.data, imposed: stampOf(event) }] };
    case 'referred_to_judiciary':
      return { ...s, referral: { ...event.data, referred: stampOf(event) } };
    case 'referral_outcome_recorded':
      return s.referral ? { ...s, referral: { ...s.referral, outcome: { ...event.data, at: event.at, by } } } : s;
    case 'rectification_filed':
      return withSuspension(s, (p) => ({
        ...p,
        status: 'rectification_filed',
        rectifications: [...p.rectifications, { ...event.data, at: event.at, by }],
      }));
    case 'resumption_inspected':
      return withSuspension(s, (p) => ({
        ...p,
        status: event.data.passed ? 'awaiting_signatures' : 'suspended',
        inspections: [...p.inspections, { ...event.data, at: event.at, by }],
        signatures: [],
      }));
    case 'closure_required':
      return withSuspension(s, (p) => ({ ...p, status: 'closure_required' }));
    case 'resumption_signed':
      return withSuspension(s, (p) => ({ ...p, signatures: [...p.signatures, { ...event.data, at: event.at, by }] }));
    case 'resumed':
      return withSuspension(s, ({ nextCheckDue: _, ...p }) => ({ ...p, status: 'resumed', resumedAt: event.at }));
    case 'closure_imposed': {
      const closed = withSuspension(s, ({ nextCheckDue: _, ...p }) => ({ ...p, status: 'closed' }));
      return { ...closed, closure: { ...stampOf(event), afterFailedResumption: event.data.afterFailedResumption } };
    }
    case 'supervision_check_recorded':
      return withSuspension(s, (p) => ({
        ...p,
        checks: [...p.checks, { checkedAt: event.data.checkedAt, producing: event.data.producing, findings: event.data.findings, by }],
        nextCheckDue: event.data.nextCheckDue,
      }));
    case 'supervision_check_missed':
      return withSuspension(s, (p) => ({ ...p, missedChecks: [...p.missedChecks, event.data.due], nextCheckDue: event.data.nextCheckDue }));
    case 'case_closed':
      return { ...s, status: 'closed', closed: { ...stampOf(event), conclusion: event.data.conclusion } };
  }
}
