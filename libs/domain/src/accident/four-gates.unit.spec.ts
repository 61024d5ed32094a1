import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../actor';
import type { AccidentCommand } from './accident-commands';
import { afterAccident, auditor, daysAfter, office, reported, team, unit, type AccidentGiven } from './testing/accident-fixtures';

const investigating = (): AccidentGiven =>
  reported({ casualties: { deaths: 3, missing: 0, seriousInjuries: 0, directLossYuan: 0 } })
    .when({ type: 'open_investigation', actor: office, leader: '张组长', members: ['刘'] }, afterAccident(12))
    .thenState({ investigation: { level: 'city' } });

const closeGate = (gate: string, evidence = '见附件'): AccidentCommand => ({
  type: 'close_gate',
  actor: office,
  gate: gate as never,
  evidence,
  person: '市安委办 李主任',
});
const closeInvestigation: AccidentCommand = { type: 'close_investigation', actor: office, authority: '市人民政府批复 (市政函〔2026〕45号)' };
const sync = (hazardId: string): AccidentCommand => ({ type: 'sync_rectification_hazard', actor: SYSTEM_ACTOR, hazardId, status: 'signed_off' });

/** The record with every gate's evidence in: report, one person dealt with, two hazards (not yet signed off), one session. */
function evidenced(): AccidentGiven {
  return investigating()
    .when({ type: 'submit_investigation_report', actor: team, summary: '事故调查报告', causes: '有限空间作业未检测、未通风' }, daysAfter(40))
    .thenState({ investigation: { report: { causes: '有限空间作业未检测、未通风' } } })
    .when(
      {
        type: 'record_responsibility',
        actor: office,
        person: '王某',
        position: '企业主要负责人',
        measure: 'judicial_referral',
        decidedBy: '市应急管理局',
        detail: '涉嫌重大责任事故罪, 移送公安机关',
      },
      daysAfter(45),
    )
    .thenState({ investigation: { responsibility: [{ person: '王某', measure: 'judicial_referral', decidedBy: '市应急管理局' }] } })
    .when({ type: 'link_rectification_hazard', actor: team, hazardId: 'h-vent', status: 'rectifying' }, daysAfter(45))
    .thenState({})
    .when({ type: 'link_rectification_hazard', actor: team, hazardId: 'h-training', status: 'awaiting_plan' }, daysAfter(45))
    .thenState({ investigation: { hazards: { 'h-vent': 'rectifying', 'h-training': 'awaiting_plan' } } })
    .when(
      {
        type: 'record_education',
        actor: unit,
        heldAt: daysAfter(50).toISOString(),
        topic: '有限空间作业警示教育',
        attendees: ['班组长 甲', '作业人员 乙'],
      },
      daysAfter(50),
    )
    .thenState({ investigation: { education: [{ attendees: ['班组长 甲', '作业人员 乙'], recordedBy: unit }] } });
}

describe('四不放过: close refused while any gate is open', () => {
  it('names every open gate in Chinese and English', () => {
    const refused = investigating().when(closeInvestigation, daysAfter(30)).thenThrows({ kind: 'conflict', code: 'accident.gate.open' });
    for (const text of [
      '事故原因未查清不放过',
      '责任人员未处理不放过',
      '整改措施未落实不放过',
      '有关人员未受到教育不放过',
      'cause established',
      'responsible people dealt with',
      'rectification measures implemented',
      'people concerned educated',
    ])
      expect(refused.message).toContain(text);
    expect(refused.details).toMatchObject({
      openGates: [{ gate: 'cause' }, { gate: 'responsibility' }, { gate: 'rectification' }, { gate: 'education' }],
    });
  });

  it('refuses to close a gate whose evidence is not in', () => {
    const given = investigating();
    given.when(closeGate('cause'), daysAfter(30)).thenThrows({ code: 'accident.gate.not_satisfied', message: /no investigation report/ });
    given.when(closeGate('responsibility'), daysAfter(30)).thenThrows({ code: 'accident.gate.not_satisfied' });
    given.when(closeGate('rectification'), daysAfter(30)).thenThrows({ code: 'accident.gate.not_satisfied', message: /no rectification measure/ });
    given.when(closeGate('education'), daysAfter(30)).thenThrows({ code: 'accident.gate.not_satisfied' });
    given.when(closeGate('luck'), daysAfter(30)).thenThrows({ code: 'input.not_one_of', field: 'gate' });
  });

  it('holds gate 3 only when every linked hazard is signed off (销号)', () => {
    const half = evidenced()
      .when(sync('h-vent'), daysAfter(55))
      .thenState({ investigation: { hazards: { 'h-vent': 'signed_off' } } });
    half.when(closeGate('rectification'), daysAfter(55)).thenThrows({ code: 'accident.gate.not_satisfied', message: /h-training/ });
    half
      .when(sync('h-training'), daysAfter(58))
      .thenState({})
      .when(closeGate('rectification', '两项整改隐患均已销号'), daysAfter(58))
      .then([{ type: 'gate_closed', data: { gate: 'rectification', evidence: '两项整改隐患均已销号', person: '市安委办 李主任' } }]);
  });
});

describe('四不放过: all four hold, then the investigation closes', () => {
  function allClosed(): AccidentGiven {
    return evidenced()
      .when(closeGate('cause', '市政府批复同意调查报告'), daysAfter(52))
      .thenState({})
      .when(closeGate('responsibility'), daysAfter(52))
      .thenState({})
      .when(sync('h-vent'), daysAfter(55))
      .thenState({})
      .when(sync('h-training'), daysAfter(56))
      .thenState({})
      .when(closeGate('rectification'), daysAfter(56))
      .thenState({})
      .when(closeGate('education'), daysAfter(56))
      .thenState({ investigation: { gates: { education: { closed: true, closedBy: office } } } });
  }

  it('closes recording who closed it and on whose authority, then takes nothing more', () => {
    const closed = allClosed()
      .when(closeInvestigation, daysAfter(57))
      .thenState({
        investigation: {
          status: 'closed',
          closed: { by: office, authority: '市人民政府批复 (市政函〔2026〕45号)', at: daysAfter(57).toISOString() },
        },
      });
    closed
      .when({ type: 'reopen_gate', actor: office, gate: 'cause', reason: 'x' }, daysAfter(58))
      .thenThrows({ code: 'accident.investigation.closed' });
  });

  it('reopens a gate with a reason, and then names only that gate', () => {
    const reopened = allClosed()
      .when({ type: 'reopen_gate', actor: office, gate: 'education', reason: '警示教育未覆盖全体作业人员' }, daysAfter(57))
      .thenState({
        investigation: { gates: { education: { closed: false, reopenCount: 1, lastReopen: { reason: '警示教育未覆盖全体作业人员', by: office } } } },
      });
    const refusal = reopened.when(closeInvestigation, daysAfter(57)).thenThrows({ code: 'accident.gate.open' });
    expect(refusal.message).toContain('有关人员未受到教育不放过');
    expect(refusal.message).not.toContain('事故原因未查清不放过');
    reopened
      .when(
        { type: 'record_education', actor: office, heldAt: daysAfter(58).toISOString(), topic: '全员补课', attendees: ['作业人员 丙'] },
        daysAfter(58),
      )
      .thenState({})
      .when(closeGate('education'), daysAfter(58))
      .thenState({})
      .when(closeInvestigation, daysAfter(59))
      .thenState({ investigation: { status: 'closed' } });
  });

  it('adds to a closed gate only after reopening it, and refuses a report once accepted', () => {
    const given = allClosed();
    given
      .when({ type: 'link_rectification_hazard', actor: team, hazardId: 'h-new', status: 'rectifying' }, daysAfter(57))
      .thenThrows({ code: 'accident.gate.already_closed' });
    given
      .when({ type: 'submit_investigation_report', actor: team, summary: 'v2', causes: 'c' }, daysAfter(57))
      .thenThrows({ code: 'accident.investigation.report_accepted' });
    given
      .when({ type: 'reopen_gate', actor: office, gate: 'cause', reason: '' }, daysAfter(57))
      .thenThrows({ code: 'input.required', field: 'reason' });
  });
});

describe('who may act on the gates', () => {
  it('lets only the office close gates and Duban feed hazard statuses; the auditor does nothing', () => {
    const given = evidenced();
    given.when({ ...closeGate('cause'), actor: team } as AccidentCommand, daysAfter(52)).thenThrows({ kind: 'forbidden' });
    given.when({ ...sync('h-vent'), actor: office } as AccidentCommand, daysAfter(52)).thenThrows({ kind: 'forbidden' });
    given.when({ ...closeInvestigation, actor: auditor } as AccidentCommand, daysAfter(52)).thenThrows({ kind: 'forbidden' });
    given.when({ ...sync('h-unknown') }, daysAfter(52)).thenThrows({ code: 'accident.rectification.not_linked' });
    given.when({ type: 'record_education', actor: unit, heldAt: daysAfter(51).toISOString(), topic: 't', attendees: [] }, daysAfter(52)).thenThrows({
      code: 'accident.education.attendees_required',
      field: 'attendees',
    });
  });
});
