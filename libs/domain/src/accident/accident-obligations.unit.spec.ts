import { describe, expect, it } from 'vitest';
import { accidentReportingStatus, investigationBelowGrade, nextReportingDeadline } from './accident-obligations';
import { validateAccidentReport } from './accident-report';
import { accidentReport, afterAccident, daysAfter, office, otherUnit, reported, team, unit } from './testing/accident-fixtures';

const followUp = (deaths: number, hours: number) => ({
  type: 'report_follow_up' as const,
  actor: unit,
  casualties: { deaths, missing: 0, seriousInjuries: 1, directLossYuan: 3_000_000 },
  account: '续报',
  reporter: '王总',
  reportedAt: afterAccident(hours).toISOString(),
});

describe('the accident’s reporting chain under time, with a late county report', () => {
  it('moves a rise at a 续报 to the province at once, and classifies each level', () => {
    const given = reported()
      .when(
        { type: 'record_chain_report', actor: office, stepId: 'county-1h', receivedAt: afterAccident(1.5).toISOString(), channel: 'written' },
        afterAccident(1.5),
      )
      .thenState({})
      .when(followUp(3, 4), afterAccident(4))
      .thenState({ grade: 'larger' });
    expect(nextReportingDeadline(given.state, afterAccident(4))).toEqual(afterAccident(6));
    const status = accidentReportingStatus(given.state, afterAccident(7));
    expect(status.map((s) => [s.obligation.stepId, s.timeliness, s.lateByMinutes ?? null, s.obligation.deadline])).toEqual([
      ['county-1h', 'late', 30, afterAccident(1).toISOString()],
      ['city-2h', 'missing', null, afterAccident(3.5).toISOString()],
      ['province-2h', 'missing', null, afterAccident(6).toISOString()],
      // The 快报 already said 3 lives were endangered: the city government was owed a report from the start.
      ['city-government-2h', 'missing', null, afterAccident(2).toISOString()],
    ]);
    expect(nextReportingDeadline(given.state, afterAccident(7))).toBeUndefined();
  });
});

describe('an investigation below the grade after a rise', () => {
  it('says so once a 续报 raises the grade past the investigating level', () => {
    const opened = reported()
      .when({ type: 'open_investigation', actor: office, leader: '县调查组', members: [] }, afterAccident(2))
      .thenState({ investigation: { level: 'county' } });
    expect(investigationBelowGrade(opened.state)).toBe(false);
    const risen = opened.when(followUp(3, 30), afterAccident(30)).thenState({ grade: 'larger' });
    expect(investigationBelowGrade(risen.state)).toBe(true);
    const taken = risen
      .when({ type: 'take_over', actor: office, level: 'city', reason: '等级升为较大, 市政府提级调查' }, afterAccident(31))
      .thenState({});
    expect(investigationBelowGrade(taken.state)).toBe(false);
  });
});

describe('the remaining refusals', () => {
  it('refuses an extension once the report is in, reopening an open gate, and a hazard linked twice', () => {
    const opened = reported()
      .when({ type: 'open_investigation', actor: office, leader: '组长', members: [] }, afterAccident(2))
      .thenState({})
      .when({ type: 'link_rectification_hazard', actor: team, hazardId: 'h1', status: 'rectifying' }, daysAfter(3))
      .thenState({});
    opened
      .when({ type: 'link_rectification_hazard', actor: office, hazardId: 'h1', status: 'rectifying' }, daysAfter(3))
      .thenThrows({ code: 'accident.rectification.already_linked' });
    opened
      .when({ type: 'reopen_gate', actor: office, gate: 'cause', reason: '补充调查' }, daysAfter(3))
      .thenThrows({ code: 'accident.gate.not_closed' });
    opened
      .when({ type: 'submit_investigation_report', actor: team, summary: '报告', causes: '原因' }, daysAfter(40))
      .thenState({})
      .when({ type: 'extend_report_deadline', actor: office, days: 30, approval: '批准', reason: '补充' }, daysAfter(41))
      .thenThrows({ code: 'accident.investigation.report_in' });
  });

  it('refuses a report recorded by a unit for another unit, when validated on its own', () => {
    expect(() => validateAccidentReport(accidentReport(), otherUnit, afterAccident(1))).toThrow(
      expect.objectContaining({ code: 'accident.report.other_unit', field: 'unitId' }),
    );
  });
});
