import { describe, expect, it } from 'vitest';
import { openedStateAsOf, type LoggedEvent } from './as-of';
import { accidentStateAsOf, covertInspectionStateAsOf, enforcementCaseStateAsOf, tipOffStateAsOf } from './as-of-records';
import { applyEvents, type Decider, type Sequenced } from './decider';
import { accidentDecider, foldAccidentOpening } from './accident/accident-decider';
import type { AccidentCommand } from './accident/accident-commands';
import { STANDARD_ACCIDENT_POLICY } from './accident/accident-policy';
import { openAccidentFile } from './accident/decide-accident-report';
import { accidentReport, afterAccident, unit } from './accident/testing/accident-fixtures';
import { enforcementDecider, foldEnforcementOpening } from './enforcement/enforcement-decider';
import { STANDARD_ENFORCEMENT_POLICY } from './enforcement/enforcement-policy';
import { openEnforcementCase } from './enforcement/open-enforcement-case';
import { foldCovertInspectionOpening } from './enforcement/covert-inspection-decider';
import { STANDARD_COVERT_INSPECTION_POLICY, type CovertInspectionPlan } from './enforcement/covert-inspection-plan';
import { planCovertInspection } from './enforcement/plan-covert-inspection';
import { openTipOffFile } from './tip-off/decide-tip-off';
import { foldTipOffOpening, tipOffDecider } from './tip-off/tip-off-decider';
import { tip1225, tipOffice, verification1225 } from './tip-off/testing/tip-off-fixtures';
import { daysAfter, fileRectification, filing, LAW, office, OPENED, suspend } from './enforcement/testing/enforcement-fixtures';

// An accident's record and an enforcement case as of a moment: their opening event builds the
// initial state, as their workflows' opening folds do, and every later event is applied by their
// own evolve. Each run here is driven as its workflow drives it, keeping the state after each step.

/** Runs `steps` through a decider from its opening fold, as the workflow does: the state after each step and every event. */
function run<State extends Sequenced, Command, Event extends { at: string }, Ids>(
  decider: Omit<Decider<State, Command, Event, Ids>, 'initialState'>,
  opened: { state: State; events: Array<Event & LoggedEvent> },
  steps: Array<[Date, Command]>,
) {
  let state = opened.state;
  const states = [state];
  const events: Array<Event & LoggedEvent> = [...opened.events];
  for (const [now, command] of steps) {
    const applied = applyEvents(decider, state, decider.decide(state, command, now, undefined));
    state = applied.state;
    states.push(state);
    events.push(...(applied.events as Array<Event & LoggedEvent>));
  }
  return { states, events };
}

const followUp = (deaths: number, at: Date): AccidentCommand => ({
  type: 'report_follow_up',
  actor: unit,
  casualties: { deaths, missing: 0, seriousInjuries: 1, directLossYuan: 3_000_000 },
  account: '续报: 一名受伤人员经抢救无效死亡',
  reporter: '王总',
  reportedAt: at.toISOString(),
});

function accidentRun() {
  const opened = foldAccidentOpening(openAccidentFile('acc-821', accidentReport(), unit, STANDARD_ACCIDENT_POLICY, afterAccident(0.5)));
  return run(accidentDecider, opened, [
    [afterAccident(2), followUp(3, afterAccident(2))],
    [afterAccident(3), followUp(4, afterAccident(3))],
  ]);
}

describe('an accident record as of a moment (一事一档)', () => {
  it('is its state after each step, the boundary included; a 续报 that raises the grade is seen from its moment on', () => {
    const { states, events } = accidentRun();
    expect(accidentStateAsOf(events, afterAccident(0.5))).toEqual(states[0]);
    expect(accidentStateAsOf(events, new Date(afterAccident(2).getTime() - 1))).toEqual(states[0]);
    expect(accidentStateAsOf(events, afterAccident(2))).toEqual(states[1]);
    expect(accidentStateAsOf(events, afterAccident(2))!.grade).toBe('larger');
    expect(accidentStateAsOf(events, afterAccident(2.5))!.casualties.deaths).toBe(3);
    expect(accidentStateAsOf(events, afterAccident(100))).toEqual(states[2]);
  });

  it('is undefined before its report was recorded', () => {
    const { events } = accidentRun();
    expect(accidentStateAsOf(events, new Date(afterAccident(0.5).getTime() - 1))).toBeUndefined();
  });
});

describe('an enforcement case as of a moment', () => {
  function caseRun() {
    const opened = foldEnforcementOpening(openEnforcementCase(filing(), office, STANDARD_ENFORCEMENT_POLICY, OPENED));
    return run(enforcementDecider, opened, [
      [daysAfter(1), suspend()],
      [daysAfter(5), fileRectification()],
    ]);
  }

  it('is its state after each step (立案, 停产整顿, 整改), the legal basis of each kept', () => {
    const { states, events } = caseRun();
    expect(enforcementCaseStateAsOf(events, OPENED)).toEqual(states[0]);
    expect(enforcementCaseStateAsOf(events, daysAfter(3))).toEqual(states[1]);
    expect(enforcementCaseStateAsOf(events, daysAfter(3))!.suspension?.imposed.legalBasis).toBe(LAW);
    expect(enforcementCaseStateAsOf(events, daysAfter(5))).toEqual(states[2]);
    expect(enforcementCaseStateAsOf(events, new Date(OPENED.getTime() - 1))).toBeUndefined();
  });

  it('refuses a stream that opens with anything but its opening event', () => {
    const { events } = caseRun();
    expect(() => openedStateAsOf(enforcementDecider, 'opened', 'an enforcement case', events.slice(1), daysAfter(9))).toThrow(
      /opens with opened, not/,
    );
  });
});

describe('a tip-off and a covert inspection as of a moment', () => {
  it('a tip-off’s file: taken in, then verified against an accident on record', () => {
    const received = new Date('2026-12-28T01:05:00.000Z');
    const verifiedAt = new Date('2026-12-28T11:00:00.000Z');
    const { states, events } = run(tipOffDecider, foldTipOffOpening(openTipOffFile(tip1225(), tipOffice, undefined, received)), [
      [verifiedAt, { type: 'verify', actor: tipOffice, verification: verification1225(), accident: { kind: 'existing', accidentId: 'acc-known' } }],
    ]);
    expect(tipOffStateAsOf(events, received)).toEqual(states[0]);
    expect(tipOffStateAsOf(events, new Date(verifiedAt.getTime() - 1))!.status).toBe('awaiting_verification');
    expect(tipOffStateAsOf(events, verifiedAt)).toEqual(states[1]);
    expect(tipOffStateAsOf(events, new Date(received.getTime() - 1))).toBeUndefined();
  });

  it('a covert inspection: from its plan on, what its workflow’s opening fold holds', () => {
    const planned = new Date('2026-07-01T01:00:00Z');
    const plan: CovertInspectionPlan = {
      inspectionId: 'covert-2026-07',
      title: '汛期安全生产暗访',
      regionId: 'gaoping',
      leader: { accountId: 'i-lead', name: '暗访组 吴组长' },
      members: [{ accountId: 'i-2', name: '暗访组 李' }],
      candidates: Array.from({ length: 6 }, (_, i) => ({ unitId: `ent-${i}`, regionId: i < 3 ? 'town-1' : 'town-2', industryId: 'construction' })),
      seed: 'seed-7f3a',
      stratifyBy: 'region',
      perStratum: 2,
    };
    const opened = foldCovertInspectionOpening(
      planCovertInspection(plan, { id: 'o1', name: '区安委办 邓主任', role: 'office' }, STANDARD_COVERT_INSPECTION_POLICY, planned),
    );
    expect(covertInspectionStateAsOf(opened.events, planned)).toEqual(opened.state);
    expect(covertInspectionStateAsOf(opened.events, new Date(planned.getTime() - 1))).toBeUndefined();
  });
});
