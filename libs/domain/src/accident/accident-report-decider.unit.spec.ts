import { describe, expect, it } from 'vitest';
import { DomainRejection } from '../rejection';
import { foldAccidentOpening } from './accident-decider';
import { STANDARD_ACCIDENT_POLICY } from './accident-policy';
import { admitAccidentReport, openAccidentFromTipOff } from './decide-accident-report';
import { reportingObligations } from './reporting-chain';
import { accidentReport, afterAccident, auditor, daysAfter, office, OCCURRED, otherUnit, reported, unit } from './testing/accident-fixtures';
import type { TipOff, TipOffVerification } from './tip-off';

function refusal(fn: () => unknown): DomainRejection {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainRejection) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

const followUp = (deaths: number, at: Date, extra: object = {}) => ({
  type: 'report_follow_up' as const,
  actor: unit,
  casualties: { deaths, missing: 0, seriousInjuries: 1, directLossYuan: 3_000_000 },
  account: '续报: 一名受伤人员经抢救无效死亡',
  reporter: '王总',
  reportedAt: at.toISOString(),
  ...extra,
});

describe('事故快报: admission', () => {
  const now = afterAccident(1);

  it('admits a complete report from the unit, and grades it', () => {
    expect(() => admitAccidentReport(accidentReport(), unit, now)).not.toThrow();
    expect(reported().state).toMatchObject({
      grade: 'general',
      openedFrom: 'unit_report',
      lastSeq: 1,
      history: [{ at: OCCURRED.toISOString(), deaths: 2 }],
    });
  });

  it('refuses a bad report naming the field', () => {
    const bad = (overrides: object) => refusal(() => admitAccidentReport(accidentReport(overrides), unit, now));
    expect(bad({ casualties: { deaths: -1, missing: 0, seriousInjuries: 0, directLossYuan: 0 } })).toMatchObject({
      code: 'input.out_of_range',
      field: 'casualties.deaths',
    });
    expect(bad({ casualties: { deaths: 0, missing: 0, seriousInjuries: 0, directLossYuan: 10.5 } })).toMatchObject({
      code: 'input.out_of_range',
      field: 'casualties.directLossYuan',
    });
    expect(bad({ kind: 'meteor' })).toMatchObject({ code: 'input.not_one_of', field: 'kind' });
    expect(bad({ sector: 'space' })).toMatchObject({ code: 'input.not_one_of', field: 'sector' });
    expect(bad({ occurredAt: afterAccident(0.75).toISOString() })).toMatchObject({ code: 'accident.report.time_order', field: 'occurredAt' });
    expect(bad({ reportedAt: afterAccident(2).toISOString() })).toMatchObject({ code: 'accident.report.time_order', field: 'reportedAt' });
    expect(bad({ account: '' })).toMatchObject({ code: 'input.required', field: 'account' });
    expect(bad({ regionId: '县 区' })).toMatchObject({ code: 'input.malformed_id', field: 'regionId' });
  });

  it('lets a unit report only its own accidents, and the auditor none', () => {
    expect(refusal(() => admitAccidentReport(accidentReport(), otherUnit, now))).toMatchObject({
      kind: 'forbidden',
      code: 'permission.own_unit_only',
    });
    expect(refusal(() => admitAccidentReport(accidentReport(), auditor, now))).toMatchObject({
      kind: 'forbidden',
      code: 'permission.role_not_allowed',
    });
    expect(() => admitAccidentReport(accidentReport(), office, now)).not.toThrow();
  });
});

describe('续报: numbers change, the grade is recomputed', () => {
  it('records each change with who and when, and a rise 2 → 3 deaths as 一般 → 较大', () => {
    const after = reported()
      .when(followUp(3, afterAccident(6)), afterAccident(6))
      .then([
        {
          type: 'follow_up_reported',
          actor: unit,
          data: { changes: [{ field: 'deaths', from: 2, to: 3, withinWindow: true }], reporter: '王总', reportedAt: afterAccident(6).toISOString() },
        },
        { type: 'grade_changed', data: { from: 'general', to: 'larger', rise: true, reachedBy: ['deaths'] } },
      ]);
    expect(after.state).toMatchObject({ grade: 'larger', followUpCount: 1, casualtyChanges: [{ field: 'deaths', by: unit, reporter: '王总' }] });
    const province = reportingObligations(OCCURRED.toISOString(), after.state.history, [], STANDARD_ACCIDENT_POLICY.reportingChain).find(
      (o) => o.stepId === 'province-2h',
    );
    expect(province).toMatchObject({ owedSince: afterAccident(6).toISOString(), deadline: afterAccident(8).toISOString() });
  });

  it('marks a change after the 30-day window, and uses 7 days for road traffic', () => {
    reported()
      .when(followUp(3, daysAfter(31)), daysAfter(31))
      .then([{ data: { changes: [{ field: 'deaths', withinWindow: false }] } }, { type: 'grade_changed' }]);
    const road = reported({ kind: 'road_traffic', sector: 'road_traffic' });
    road.when(followUp(3, daysAfter(6)), daysAfter(6)).then([{ data: { changes: [{ withinWindow: true }] } }, { type: 'grade_changed' }]);
    road.when(followUp(3, daysAfter(8)), daysAfter(8)).then([{ data: { changes: [{ withinWindow: false }] } }, { type: 'grade_changed' }]);
  });

  it('records a fall in grade without calling it a rise, and a 续报 with no new numbers with no grade event', () => {
    const larger = reported({ casualties: { deaths: 3, missing: 0, seriousInjuries: 0, directLossYuan: 0 } });
    larger
      .when(followUp(2, afterAccident(3)), afterAccident(3))
      .then([{ type: 'follow_up_reported' }, { type: 'grade_changed', data: { rise: false, to: 'general' } }]);
    reported()
      .when(followUp(2, afterAccident(3)), afterAccident(3))
      .then([{ type: 'follow_up_reported', data: { changes: [] } }]);
  });

  it('refuses a follow-up from another unit, or dated before the accident or the previous report', () => {
    reported()
      .when({ ...followUp(3, afterAccident(3)), actor: otherUnit }, afterAccident(3))
      .thenThrows({ kind: 'forbidden' });
    reported()
      .when(followUp(3, afterAccident(-1)), afterAccident(3))
      .thenThrows({ code: 'accident.report.time_order', field: 'reportedAt' });
    reported()
      .when(followUp(3, afterAccident(5)), afterAccident(5))
      .thenState({})
      .when(followUp(4, afterAccident(4)), afterAccident(6))
      .thenThrows({ code: 'accident.report.time_order', field: 'reportedAt' });
  });
});

describe('逐级上报: each level’s receipt', () => {
  const receipt = (stepId: string, hours: number, channel: 'phone' | 'written' = 'written') => ({
    type: 'record_chain_report' as const,
    actor: office,
    stepId,
    receivedAt: afterAccident(hours).toISOString(),
    channel,
  });

  it('records a receipt against a step the accident owes, once per channel', () => {
    const given = reported()
      .when(receipt('county-1h', 0.8), afterAccident(1))
      .thenState({ chainReceipts: [{ stepId: 'county-1h', by: office }] });
    given.when(receipt('county-1h', 0.9), afterAccident(1)).thenThrows({ code: 'accident.chain.already_received' });
    given.when(receipt('county-1h', 0.9, 'phone'), afterAccident(1)).thenThrows({ code: 'input.not_one_of', field: 'channel' });
  });

  it('refuses a step the grade does not reach (a 一般 accident owes nothing to the State Council)', () => {
    reported().when(receipt('state-council-2h', 1), afterAccident(2)).thenThrows({ code: 'accident.chain.obligation_unknown', field: 'stepId' });
  });

  it('takes the city government’s phone report first and the written one after', () => {
    reported({ casualties: { deaths: 3, missing: 0, seriousInjuries: 0, directLossYuan: 0 } })
      .when(receipt('city-government-2h', 1, 'phone'), afterAccident(1))
      .then([{ type: 'chain_report_received', data: { level: 'city', channel: 'phone' } }])
      .when(receipt('city-government-2h', 1.5), afterAccident(2))
      .thenState({ chainReceipts: [{ channel: 'phone' }, { channel: 'written' }] });
  });
});

describe('tip-offs on the record: 谎报, and a record opened from a tip: 瞒报', () => {
  const tip: TipOff = {
    tipOffId: 'tip-1',
    channel: 'hotline',
    informant: '匿名',
    receivedAt: daysAfter(2).toISOString(),
    account: '实际死亡3人',
    regionId: 'jiyuan-lilin',
    unitId: 'liulin-chem',
  };
  const verification: TipOffVerification = {
    verified: true,
    findings: '核实死亡3人, 企业少报1人',
    casualties: { deaths: 3, missing: 0, seriousInjuries: 1, directLossYuan: 3_000_000 },
    responsiblePeople: ['王总'],
    verifiedBy: '应急管理局核查组',
    verifiedAt: daysAfter(2.5).toISOString(),
  };

  it('flags 谎报 when the verified numbers are above what the unit had reported', () => {
    reported()
      .when({ type: 'record_tip_off', actor: office, tip, verification }, daysAfter(3))
      .then([
        { type: 'tip_off_recorded' },
        { type: 'concealment_flagged', data: { flag: { kind: 'false_report', understated: [{ field: 'deaths', from: 2, to: 3 }] } } },
      ])
      .when({ type: 'record_tip_off', actor: office, tip, verification }, daysAfter(4))
      .thenThrows({ code: 'input.duplicate_id', field: 'tip.tipOffId' });
  });

  it('opens the record of "12·25" from a verified online tip, 较大 and flagged 瞒报', () => {
    const casualties = { deaths: 8, missing: 0, seriousInjuries: 0, directLossYuan: 0 };
    const tip1225 = { ...tip, tipOffId: 'tip-1225', channel: 'online' as const, unitId: 'central-project' };
    const opening = openAccidentFromTipOff(
      'acc-1225',
      accidentReport({ unitId: 'central-project', casualties, reporter: '举报核查', kind: 'collapse' }),
      tip1225,
      { ...verification, casualties, responsiblePeople: ['项目经理'] },
      office,
      STANDARD_ACCIDENT_POLICY,
      daysAfter(3),
    );
    const { state, events } = foldAccidentOpening(opening);
    expect(events.map((e) => e.type)).toEqual(['reported', 'tip_off_recorded', 'concealment_flagged']);
    expect(state).toMatchObject({
      grade: 'larger',
      openedFrom: 'tip_off',
      unitReports: [],
      concealment: [{ kind: 'concealment', unitId: 'central-project' }],
    });
    const unverified = { ...verification, verified: false, casualties: undefined };
    expect(
      refusal(() => openAccidentFromTipOff('acc-x', accidentReport(), tip, unverified, office, STANDARD_ACCIDENT_POLICY, daysAfter(3))),
    ).toMatchObject({
      code: 'accident.tip_off.not_verified',
      field: 'verification.verified',
    });
  });
});
