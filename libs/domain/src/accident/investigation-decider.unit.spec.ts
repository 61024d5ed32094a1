import { describe, expect, it } from 'vitest';
import type { AccidentCommand } from './accident-commands';
import { decideAccidentTimers, nextAccidentTimerAt } from './accident-timers';
import { afterAccident, daysAfter, office, reported, team, unit, type AccidentGiven } from './testing/accident-fixtures';

const larger = { casualties: { deaths: 3, missing: 0, seriousInjuries: 0, directLossYuan: 0 } };
const open = (extra: Partial<Extract<AccidentCommand, { type: 'open_investigation' }>> = {}): AccidentCommand => ({
  type: 'open_investigation',
  actor: office,
  leader: '张组长',
  members: ['应急局 刘', '公安局 陈', '总工会 孙'],
  ...extra,
});
const investigating = (): AccidentGiven =>
  reported(larger)
    .when(open(), afterAccident(12))
    .thenState({ investigation: { status: 'investigating' } });

describe('opening the investigation at the level the grade names', () => {
  it('opens a 较大 accident at the city, with the report due 60 days after the accident', () => {
    reported(larger)
      .when(open(), afterAccident(12))
      .then([
        { type: 'investigation_opened', data: { level: 'city', basis: 'grade', requiredLevel: 'city', reportDue: daysAfter(60).toISOString() } },
      ]);
  });

  it('opens one level up during a campaign that upgrades investigations (002 篇八), or higher when taken over', () => {
    reported()
      .when(open({ upgradingCampaignId: 'sweep-2026' }), afterAccident(2))
      .then([{ data: { level: 'city', basis: 'campaign_upgrade', requiredLevel: 'county' } }]);
    reported(larger)
      .when(open({ level: 'province' }), afterAccident(2))
      .then([{ data: { level: 'province', basis: 'taken_over' } }]);
    reported(larger)
      .when(open({ level: 'county' }), afterAccident(2))
      .thenThrows({ code: 'accident.investigation.level_below_grade', field: 'level' });
  });

  it('opens once, and only by the office', () => {
    investigating().when(open(), afterAccident(13)).thenThrows({ code: 'accident.investigation.already_opened' });
    reported(larger)
      .when(open({ actor: unit }), afterAccident(2))
      .thenThrows({ kind: 'forbidden' });
    reported()
      .when({ type: 'submit_investigation_report', actor: team, summary: 's', causes: 'c' })
      .thenThrows({ code: 'accident.investigation.not_opened' });
  });

  it('lets a higher level take it over, never a lower one', () => {
    const given = investigating();
    given.when({ type: 'take_over', actor: office, level: 'province', reason: '社会影响重大' }, daysAfter(2)).thenState({
      investigation: { level: 'province', basis: 'taken_over', takeOvers: [{ from: 'city', to: 'province', reason: '社会影响重大' }] },
    });
    given
      .when({ type: 'take_over', actor: office, level: 'county', reason: 'x' }, daysAfter(2))
      .thenThrows({ code: 'accident.investigation.not_higher' });
  });
});

describe('挂牌督办 by a higher committee (001: Jiyuan "8·21", listed by the province)', () => {
  const list = (committeeLevel: 'city' | 'province') => ({
    type: 'list_for_supervision' as const,
    actor: office,
    committeeLevel,
    orderRef: '豫安委〔2026〕8号',
    reason: '3人死亡',
  });

  it('lists a city investigation by the province, once', () => {
    const listed = investigating()
      .when(list('province'), daysAfter(1))
      .thenState({ investigation: { listing: { committeeLevel: 'province', orderRef: '豫安委〔2026〕8号' } } });
    listed.when(list('province'), daysAfter(2)).thenThrows({ code: 'accident.investigation.already_listed' });
  });

  it('refuses a listing by the investigating level itself', () => {
    investigating().when(list('city'), daysAfter(1)).thenThrows({ code: 'accident.investigation.listing_not_higher', field: 'committeeLevel' });
  });
});

describe('the 60 + 60-day report deadline and its escalation ladder', () => {
  const extend = (days: number) => ({ type: 'extend_report_deadline' as const, actor: office, days, approval: '市政府批准', reason: '需技术鉴定' });

  it('extends once by at most 60 days, with approval', () => {
    const extended = investigating()
      .when(extend(60), daysAfter(50))
      .thenState({
        investigation: { reportDue: daysAfter(120).toISOString(), extension: { previousDue: daysAfter(60).toISOString(), approval: '市政府批准' } },
      });
    extended.when(extend(10), daysAfter(100)).thenThrows({ code: 'accident.investigation.extension_used' });
    investigating().when(extend(61), daysAfter(50)).thenThrows({ code: 'accident.investigation.extension_too_long', field: 'days' });
    investigating().when(extend(0), daysAfter(50)).thenThrows({ code: 'input.out_of_range', field: 'days' });
  });

  it('reminds before the due date, then marks it overdue and climbs the ladder, each rung once', () => {
    const given = investigating();
    expect(nextAccidentTimerAt(given.state)).toEqual(daysAfter(53));
    expect(decideAccidentTimers(given.state, daysAfter(53)).map((e) => e.type)).toEqual(['escalated']);
    const at60 = decideAccidentTimers(given.state, daysAfter(60));
    expect(at60.map((e) => [e.type, 'instrument' in e.data ? e.data.instrument : undefined])).toEqual([
      ['report_overdue', undefined],
      ['escalated', 'reminder'],
      ['escalated', 'notice'],
    ]);
    const after60 = given.and(at60);
    expect(after60.state.investigation).toMatchObject({ overdue: true });
    expect(decideAccidentTimers(after60.state, daysAfter(61))).toEqual([]);
    expect(nextAccidentTimerAt(after60.state)).toEqual(daysAfter(75));
    const listed = after60.and(decideAccidentTimers(after60.state, daysAfter(75)));
    expect(listed.state.investigation?.listing).toMatchObject({ committeeLevel: 'province' });
    expect(decideAccidentTimers(listed.state, daysAfter(90)).map((e) => e.data)).toEqual([
      { stepId: 'summons-when-30-days-overdue', instrument: 'summons', due: daysAfter(60).toISOString() },
    ]);
  });

  it('restarts the ladder from the extended due date, and stops once the report is in', () => {
    const extended = investigating()
      .when(extend(60), daysAfter(50))
      .thenState({ investigation: { overdue: false } });
    expect(nextAccidentTimerAt(extended.state)).toEqual(daysAfter(113));
    const submitted = extended
      .when({ type: 'submit_investigation_report', actor: team, summary: '调查报告', causes: '有限空间作业未检测' }, daysAfter(100))
      .thenState({ investigation: { report: { by: team } } });
    expect(nextAccidentTimerAt(submitted.state)).toBeUndefined();
    expect(decideAccidentTimers(submitted.state, daysAfter(200))).toEqual([]);
  });
});
