import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../actor';
import { STANDARD_ENFORCEMENT_POLICY } from './enforcement-policy';
import { decideEnforcementTimers, nextEnforcementTimerAt } from './enforcement-timers';
import {
  closeCase,
  countyGov,
  daysAfter,
  department,
  fileRectification,
  inspect,
  inspector,
  LAW,
  mine,
  office,
  opened,
  OPENED,
  sign,
  suspend,
  town,
} from './testing/enforcement-fixtures';

const suspended = () =>
  opened()
    .when(suspend())
    .then([{ type: 'suspension_imposed', data: { respondentId: 'r-company' } }]);
const closeDown = { type: 'impose_closure' as const, actor: office, reason: '经停产整顿仍未达到安全生产条件', legalBasis: LAW };
const check = (producing: boolean, at: Date) => ({
  type: 'record_supervision_check' as const,
  actor: inspector,
  checkedAt: at.toISOString(),
  producing,
  findings: producing ? '井下有人员作业, 主井提升运行' : '井口封闭, 无人员作业',
});

describe('停产整顿 → 复工复产: signatures level by level (002 篇八: 经层层签字确认后方可复工复产)', () => {
  it('resumes only after the passed inspection and every level of the chain has signed, in order', () => {
    const passed = suspended()
      .when(fileRectification())
      .thenState({ suspension: { status: 'rectification_filed' } })
      .when(inspect(true))
      .then([{ type: 'resumption_inspected', data: { passed: true, attempt: 1 } }]);
    passed.when(sign('county_government', countyGov)).thenThrows({ code: 'enforcement.resumption.signature_out_of_order', message: /乡镇/ });
    const resumed = passed
      .when(sign('town', town))
      .thenState({ suspension: { status: 'awaiting_signatures', signatures: [{ levelId: 'town', signer: town.name }] } })
      .when(sign('county_department', department))
      .then([{ type: 'resumption_signed' }])
      .when(sign('county_government', countyGov), daysAfter(20))
      .then([
        { type: 'resumption_signed', data: { levelId: 'county_government' } },
        { type: 'resumed', data: { signatures: 3 }, legalBasis: STANDARD_ENFORCEMENT_POLICY.source },
      ]);
    expect(resumed.state.suspension).toMatchObject({ status: 'resumed', resumedAt: daysAfter(20).toISOString() });
    expect(resumed.state.suspension?.nextCheckDue).toBeUndefined();
    expect(nextEnforcementTimerAt(resumed.state)).toBeUndefined();
    resumed.when(closeCase()).thenState({ status: 'closed' });
  });

  it('refuses the suspended unit signing its own resumption, and a signature before the inspection', () => {
    suspended().when(fileRectification()).then([{}]).when(inspect(true)).then([{}]).when(sign('town', mine)).thenThrows({
      kind: 'forbidden',
      code: 'enforcement.resumption.self_signature',
    });
    suspended().when(sign('town', town)).thenThrows({ code: 'enforcement.resumption.status_not_allowed' });
    opened().when(fileRectification()).thenThrows({ code: 'enforcement.suspension.none' });
  });

  it('refuses to close the case while the unit is still suspended', () => {
    suspended().when(closeCase()).thenThrows({ code: 'enforcement.close.suspension_open' });
  });
});

describe('停产整顿 → failed inspection → 关闭取缔 (002 篇五: 经停产整顿仍未达到要求的, 一律关闭取缔)', () => {
  it('requires closure at the first failed inspection, and then nothing but closure closes the case', () => {
    const failed = suspended()
      .when(fileRectification())
      .then([{}])
      .when(inspect(false))
      .then([
        { type: 'resumption_inspected', data: { passed: false } },
        { type: 'closure_required', data: { failedInspections: 1 } },
      ]);
    expect(failed.state.suspension?.status).toBe('closure_required');
    failed.when(closeCase()).thenThrows({ code: 'enforcement.close.closure_required' });
    failed.when(fileRectification()).thenThrows({ code: 'enforcement.resumption.status_not_allowed' });
    const closed = failed.when(closeDown).then([{ type: 'closure_imposed', data: { afterFailedResumption: true }, legalBasis: LAW }]);
    expect(closed.state).toMatchObject({ suspension: { status: 'closed' }, closure: { afterFailedResumption: true, by: office } });
    closed.when(suspend()).thenThrows({ code: 'enforcement.closure.final' });
    closed.when(closeDown).thenThrows({ code: 'enforcement.closure.final' });
    closed.when(closeCase()).thenState({ status: 'closed' });
  });

  it('allows another round when the policy allows two inspections before closure', () => {
    const lenient = { ...STANDARD_ENFORCEMENT_POLICY, failedInspectionsBeforeClosure: 2 };
    const second = opened({}, lenient)
      .when(suspend())
      .then([{}])
      .when(fileRectification())
      .then([{}])
      .when(inspect(false))
      .thenState({ suspension: { status: 'suspended', inspections: [{ passed: false, attempt: 1 }] } })
      .when(fileRectification())
      .then([{}]);
    second.when(inspect(false)).then([{ data: { attempt: 2 } }, { type: 'closure_required', data: { failedInspections: 2 } }]);
  });

  it('closes an illegal business outright, without a suspension first', () => {
    opened()
      .when(closeDown)
      .then([{ type: 'closure_imposed', data: { afterFailedResumption: false } }])
      .when(closeCase())
      .thenState({ status: 'closed' });
  });
});

describe('停产期间监管: a suspended unit stays supervised', () => {
  it('records a check that finds it producing as a new, serious violation', () => {
    const after = suspended()
      .when(check(true, daysAfter(3)), daysAfter(3))
      .then([
        { type: 'supervision_check_recorded', data: { producing: true, nextCheckDue: daysAfter(10).toISOString() } },
        {
          type: 'violation_recorded',
          data: { violation: { violationId: 'case-7:v2', serious: true, via: 'supervision_check', foundOn: '2026-03-05' } },
        },
      ]);
    expect(after.state.violations.map((v) => v.description)).toEqual([expect.stringContaining('超能力'), expect.stringContaining('擅自生产')]);
    suspended()
      .when(check(false, daysAfter(3)), daysAfter(3))
      .then([{ type: 'supervision_check_recorded', data: { producing: false } }]);
  });

  it('falls due every period from the suspension; a missed check is recorded and the next falls due', () => {
    const given = suspended();
    expect(nextEnforcementTimerAt(given.state)).toEqual(new Date(OPENED.getTime() + 7 * 86_400_000));
    expect(decideEnforcementTimers(given.state, daysAfter(6))).toEqual([]);
    const missed = decideEnforcementTimers(given.state, daysAfter(7));
    expect(missed).toMatchObject([
      { type: 'supervision_check_missed', actor: SYSTEM_ACTOR, data: { due: daysAfter(7).toISOString(), nextCheckDue: daysAfter(14).toISOString() } },
    ]);
    expect(nextEnforcementTimerAt(given.and(missed).state)).toEqual(daysAfter(14));
  });

  it('refuses a check of a unit not suspended', () => {
    opened()
      .when(check(false, daysAfter(1)), daysAfter(1))
      .thenThrows({ code: 'enforcement.suspension.none' });
  });
});
