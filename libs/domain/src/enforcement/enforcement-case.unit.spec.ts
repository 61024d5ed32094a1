import { describe, expect, it } from 'vitest';
import { applyEvents } from '../decider';
import { DomainRejection } from '../rejection';
import { REJECTION_CODES } from '../rejection-codes';
import { enforcementDecider, foldEnforcementOpening } from './enforcement-decider';
import { STANDARD_ENFORCEMENT_POLICY } from './enforcement-policy';
import { openEnforcementCase } from './open-enforcement-case';
import { auditor, closeCase, daysAfter, filing, fine, inspector, LAW, mine, office, opened, OPENED, suspend } from './testing/enforcement-fixtures';

function refusal(fn: () => unknown): DomainRejection {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainRejection) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

const refer = {
  type: 'refer_to_judiciary' as const,
  actor: office,
  respondentIds: ['r-legal'],
  receivingAuthority: '县公安局',
  reason: '涉嫌重大责任事故罪',
  legalBasis: '《行政执法机关移送涉嫌犯罪案件的规定》',
};
const flag = { type: 'flag_criminal' as const, actor: inspector, reason: '明知存在重大隐患仍冒险组织作业', legalBasis: '《刑法》第一百三十四条' };
const outcome = (o: 'accepted' | 'returned') => ({
  type: 'record_referral_outcome' as const,
  actor: office,
  outcome: o,
  decisionRef: '县公安局立案决定书 2026-15',
  reason: '司法机关答复',
});

describe('立案: opening a case', () => {
  it('opens with the respondents punished together (一并处罚) and the violation on its China day', () => {
    const { state, events } = foldEnforcementOpening(openEnforcementCase(filing(), office, STANDARD_ENFORCEMENT_POLICY, OPENED));
    expect(state).toMatchObject({
      caseId: 'case-7',
      origin: 'hazard_overdue',
      sourceRef: 'hz-41',
      status: 'open',
      respondents: [{ role: 'enterprise' }, { role: 'legal_representative' }, { role: 'actual_controller' }],
      violations: [{ violationId: 'case-7:v1', serious: true, foundOn: '2026-03-01', via: 'filing' }],
      lastSeq: 1,
    });
    expect(events[0]).toMatchObject({
      caseId: 'case-7',
      unitId: 'coal-mine-7',
      seq: 1,
      actor: office,
      legalBasis: LAW,
      reason: expect.stringContaining('隐患逾期不整改'),
    });
  });

  it('lets Duban open a case from a hazard by its policy, and refuses the unit and the auditor', () => {
    expect(() => openEnforcementCase(filing(), { id: 'duban', name: '督办系统', role: 'system' }, STANDARD_ENFORCEMENT_POLICY, OPENED)).not.toThrow();
    expect(refusal(() => openEnforcementCase(filing(), mine, STANDARD_ENFORCEMENT_POLICY, OPENED))).toMatchObject({
      code: 'permission.role_not_allowed',
    });
    expect(refusal(() => openEnforcementCase(filing(), auditor, STANDARD_ENFORCEMENT_POLICY, OPENED))).toMatchObject({ kind: 'forbidden' });
  });

  it('refuses a filing without its source record, its enterprise, or with a respondent named twice', () => {
    const bad = (o: object) => refusal(() => openEnforcementCase(filing(o), office, STANDARD_ENFORCEMENT_POLICY, OPENED));
    expect(bad({ sourceRef: undefined })).toMatchObject({ code: 'enforcement.origin.source_required', field: 'sourceRef' });
    expect(() => openEnforcementCase(filing({ origin: 'office', sourceRef: undefined }), office, STANDARD_ENFORCEMENT_POLICY, OPENED)).not.toThrow();
    expect(bad({ respondents: [{ respondentId: 'r-legal', role: 'legal_representative', name: '王某' }] })).toMatchObject({
      code: 'enforcement.respondent.enterprise_required',
    });
    const twice = { respondentId: 'r-company', role: 'enterprise', name: '某煤业' };
    expect(bad({ respondents: [twice, twice] })).toMatchObject({ code: 'input.duplicate_id' });
    expect(bad({ respondents: [{ respondentId: 'r', role: 'cousin', name: 'x' }] })).toMatchObject({
      code: 'input.not_one_of',
      field: 'respondents[0].role',
    });
    expect(bad({ violation: { ...filing().violation, foundAt: daysAfter(1).toISOString() } })).toMatchObject({ field: 'violation.foundAt' });
  });
});

describe('四个一律: the measures', () => {
  it('fines each respondent at the upper limit of the cited article, once each', () => {
    const after = opened()
      .when(fine('r-company'))
      .then([{ type: 'fine_imposed', data: { respondentId: 'r-company', amountYuan: 2_000_000 }, legalBasis: LAW, actor: office }])
      .when(fine('r-legal'))
      .thenState({ fines: [{ respondentId: 'r-company' }, { respondentId: 'r-legal' }] });
    after.when(fine('r-legal')).thenThrows({ code: 'enforcement.fine.already_imposed' });
    after.when(fine('r-controller', 1_000_000)).thenThrows({ code: 'enforcement.fine.not_upper_limit', field: 'amountYuan' });
    after.when(fine('r-nobody')).thenThrows({ code: 'enforcement.respondent.unknown' });
  });

  it('adds a respondent found later (实际控制人 behind the company), not twice', () => {
    const c = {
      type: 'add_respondent' as const,
      actor: inspector,
      respondent: { respondentId: 'r-boss', role: 'principal' as const, name: '周某' },
      reason: '查明实际主要负责人',
      legalBasis: LAW,
    };
    opened()
      .when(c)
      .thenState({ respondents: [{}, {}, {}, { respondentId: 'r-boss', role: 'principal' }] })
      .when(c)
      .thenThrows({ code: 'input.duplicate_id' });
  });

  it('lets only the office decide measures', () => {
    opened()
      .when({ ...suspend(), actor: inspector })
      .thenThrows({ code: 'permission.role_not_allowed' });
    opened()
      .when({ ...fine(), actor: mine })
      .thenThrows({ code: 'permission.role_not_allowed' });
  });
});

describe('行刑衔接: a criminal case cannot close with a fine alone (不能有案不移、以罚代刑)', () => {
  const flaggedAndFined = () =>
    opened()
      .when(flag)
      .thenState({ criminal: { by: inspector } })
      .when(fine())
      .thenState({ fines: [{}] });

  it('refuses to close a case flagged as criminal with only a fine, saying why', () => {
    const error = flaggedAndFined()
      .when(closeCase())
      .thenThrows({ kind: 'conflict', code: 'enforcement.close.criminal_not_referred', message: /以罚代刑/ });
    expect(REJECTION_CODES[error.code].zh).toBe('涉嫌犯罪的案件须移送司法机关, 不能有案不移、以罚代刑');
  });

  it('refuses while the referral waits for the judiciary, and closes once it answered', () => {
    const referred = flaggedAndFined()
      .when(refer)
      .then([{ type: 'referred_to_judiciary', data: { respondentIds: ['r-legal'], receivingAuthority: '县公安局' } }]);
    referred.when(closeCase()).thenThrows({ code: 'enforcement.close.referral_pending' });
    referred
      .when(outcome('accepted'))
      .thenState({ referral: { outcome: { outcome: 'accepted' } } })
      .when(closeCase())
      .thenState({ status: 'closed', closed: { conclusion: '处罚执行完毕', legalBasis: LAW, by: office } })
      .when(fine('r-legal'))
      .thenThrows({ code: 'enforcement.case.closed' });
  });

  it('refuses a referral without a flag the same way: a referred case waits for the answer', () => {
    opened().when(fine()).then([{}]).when(refer).then([{}]).when(closeCase()).thenThrows({ code: 'enforcement.close.referral_pending' });
    opened().when(refer).then([{}]).when(outcome('returned')).then([{}]).when(closeCase()).thenState({ status: 'closed' });
  });

  it('records one referral and one answer', () => {
    opened().when(refer).then([{}]).when(refer).thenThrows({ code: 'enforcement.referral.already_made' });
    opened().when(outcome('accepted')).thenThrows({ code: 'enforcement.referral.none' });
    opened().when(flag).then([{}]).when(flag).thenThrows({ code: 'enforcement.criminal.already_flagged' });
  });

  it('refuses to close a case in which nothing was decided', () => {
    opened().when(closeCase()).thenThrows({ code: 'enforcement.close.no_measure' });
    opened().when(fine()).then([{}]).when(closeCase()).thenState({ status: 'closed' });
  });

  it('numbers every recorded event in the case’s stream, with the unit on each', () => {
    const given = opened();
    const { events } = applyEvents(enforcementDecider, given.state, enforcementDecider.decide(given.state, fine(), daysAfter(1)));
    expect(events).toEqual([expect.objectContaining({ caseId: 'case-7', unitId: 'coal-mine-7', seq: 2, at: daysAfter(1).toISOString() })]);
  });
});
