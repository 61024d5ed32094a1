import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { campaignDecider } from '../campaign/campaign-decider';
import { currentCampaignSchedule } from '../campaign/decide-campaign';
import { validateCampaignLaunch } from '../campaign/validate-campaign-launch';
import { admitHazardReport, openHazardFile } from '../hazard/decide-hazard';
import { foldOpeningEvents } from '../hazard/hazard-decider';
import { STANDARD_HAZARD_POLICY, type HazardPolicy } from '../hazard/hazard-policy';
import type { HazardReport } from '../hazard/hazard-report';
import { DomainRejection } from '../rejection';
import { officeLi, TWO_COUNTY_LAUNCH, TWO_PHASE_TEMPLATE } from '../testing/campaign-fixtures';
import { workdays } from './time-span';
import { workCalendarOf } from './work-calendar';
import { workCalendarData } from './work-calendar-data';

// The hazard and campaign rules count on the calendar they are given, refuse a deadline in a year
// it does not cover, and record its version beside what they compute.
const DATA = workCalendarData({
  '2026': {
    source: 'chinese-days@1.5.7',
    holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
    makeupWorkdays: ['2026-10-10'],
  },
});
const calendar = workCalendarOf(DATA);
const inspector: Actor = { id: 'i1', name: '检查组 张工', role: 'inspector' };
const NOW = new Date('2026-09-28T02:00:00Z');
const WORKDAY_POLICY: HazardPolicy = {
  ...STANDARD_HAZARD_POLICY,
  escalation: [{ id: 'listed-after-10-workdays', instrument: 'listed_supervision', offset: workdays(10) }],
};
const report = (deadline: string): HazardReport => ({
  title: '脚手架连墙件缺失',
  description: '3号楼外架第5步连墙件缺失6处',
  location: '城南安置房项目3号楼',
  industry: '建筑施工',
  unitId: 'unit-a',
  grade: 'general',
  source: 'inspection',
  finder: '张工',
  deadline,
});

function refusal(fn: () => unknown): DomainRejection {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainRejection) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('hazard deadlines on the work calendar', () => {
  it('admits a ladder countable on the calendar, and refuses one whose rung falls in an uncovered year, naming it', () => {
    expect(() => admitHazardReport(report('2026-11-02T02:00:00Z'), inspector, WORKDAY_POLICY, NOW, calendar)).not.toThrow();
    const late = refusal(() => admitHazardReport(report('2026-12-28T02:00:00Z'), inspector, WORKDAY_POLICY, NOW, calendar));
    expect([late.code, late.details]).toEqual(['calendar.year_not_covered', { year: 2027 }]);
  });

  it('records the calendar version on the report and in the state; none on the weekday calendar', () => {
    const opened = foldOpeningEvents(openHazardFile('h1', report('2026-11-02T02:00:00Z'), inspector, WORKDAY_POLICY, NOW, calendar));
    expect(opened.events[0]!.data).toMatchObject({ calendarVersion: DATA.version });
    expect(opened.state.calendarVersion).toBe(DATA.version);
    const plain = foldOpeningEvents(openHazardFile('h2', report('2026-11-02T02:00:00Z'), inspector, WORKDAY_POLICY, NOW));
    expect('calendarVersion' in plain.events[0]!.data).toBe(false);
    expect('calendarVersion' in plain.state).toBe(false);
  });
});

describe('campaign deadlines on the work calendar', () => {
  const template = { ...TWO_PHASE_TEMPLATE, phases: TWO_PHASE_TEMPLATE.phases.map((p) => ({ ...p, duration: workdays(5) })) };
  const launch = { ...TWO_COUNTY_LAUNCH, template, startsAt: '2026-09-28T10:00:00+08:00' };

  it('counts the schedule on the calendar the campaign was launched with', () => {
    const state = campaignDecider.initialState(launch, officeLi, DATA);
    // 5 working days from Monday 09-28: 09-29, 09-30, 10-08, 10-09, and the make-up Saturday 10-10.
    expect(currentCampaignSchedule(state).phases[0]!.endsAt).toBe(new Date('2026-10-10T10:00:00+08:00').toISOString());
    const before = campaignDecider.initialState(launch, officeLi);
    expect(currentCampaignSchedule(before).phases[0]!.endsAt).toBe(new Date('2026-10-05T10:00:00+08:00').toISOString());
  });

  it('refuses a launch whose working-day schedule reaches an uncovered year, naming it', () => {
    expect(() => validateCampaignLaunch(launch, NOW, calendar)).not.toThrow();
    const late = refusal(() => validateCampaignLaunch({ ...launch, startsAt: '2026-12-24T10:00:00+08:00' }, NOW, calendar));
    expect(late.code).toBe('calendar.year_not_covered');
    expect(late.message).toContain('2027年的工作日历尚未载入');
  });

  it('records the version beside an extended phase end', () => {
    const state = campaignDecider.initialState(launch, officeLi, DATA);
    const [event] = campaignDecider.decide(
      state,
      { type: 'extend_phase', phaseId: 'self-check', by: workdays(1), actor: officeLi, reason: '国庆顺延' },
      NOW,
    );
    expect(event!.data).toMatchObject({ newEndsAt: new Date('2026-10-12T10:00:00+08:00').toISOString(), calendarVersion: DATA.version });
  });
});
