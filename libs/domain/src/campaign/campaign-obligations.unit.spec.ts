import { describe, expect, it } from 'vitest';
import { OfficialWorkCalendar } from '../time/work-calendar';
import { cstDate } from '../time/china-day';
import { buildCampaignSchedule } from './build-campaign-schedule';
import { findObligation, nextObligationAfter, obligationsBetween } from './campaign-obligations';
import type { CampaignSchedule } from './campaign-schedule';
import type { CampaignTemplate } from './campaign-template';
import { BIG_INSPECTION_TEMPLATE, HUNDRED_DAY_DRIVE_TEMPLATE, SAFETY_MONTH_TEMPLATE } from './shipped-templates';

const DAY_MS = 86_400_000;
// Monday 2 March 2026, 10:00 in Beijing (02:00Z).
const driveStart = new Date('2026-03-02T02:00:00Z');
const drive = buildCampaignSchedule(HUNDRED_DAY_DRIVE_TEMPLATE, driveStart, {});
const all = (template: CampaignTemplate, schedule: CampaignSchedule) =>
  obligationsBetween(template, schedule, new Date(Date.parse(schedule.startsAt) - DAY_MS), new Date(Date.parse(schedule.endsAt) + DAY_MS));
const ofRef = (obligations: ReturnType<typeof all>, refId: string) => obligations.filter((o) => o.refId === refId);
const isoWeekdayCst = (iso: string) => ((new Date(Date.parse(iso) + 8 * 3600_000).getUTCDay() + 6) % 7) + 1;

describe('obligationsBetween: recurring reports (一日一报/周报)', () => {
  it('owes exactly 100 daily reports over the 100-day drive, one per CST day at 17:00 (09:00Z)', () => {
    const daily = ofRef(all(HUNDRED_DAY_DRIVE_TEMPLATE, drive), 'daily');
    expect(daily).toHaveLength(100);
    expect(daily[0]).toEqual({
      id: 'report:daily:2026-03-02',
      kind: 'report',
      refId: 'daily',
      name: HUNDRED_DAY_DRIVE_TEMPLATE.reports[0]!.name,
      phaseId: 'mobilization',
      dueAt: '2026-03-02T09:00:00.000Z',
      zeroReportAllowed: true,
    });
    expect(daily[99]!.id).toBe('report:daily:2026-06-09');
    for (const o of daily) {
      expect(o.dueAt).toMatch(/T09:00:00\.000Z$/);
      expect(o.id).toBe(`report:daily:${cstDate(new Date(o.dueAt))}`);
    }
    expect(new Set(daily.map((o) => o.id)).size).toBe(100);
  });

  it('keeps the count at 100 when the campaign starts after the cut-off, and counts a start exactly at it out', () => {
    for (const startIso of ['2026-03-02T10:00:00Z' /* 18:00 CST */, '2026-03-02T09:00:00Z' /* 17:00 CST sharp */]) {
      const schedule = buildCampaignSchedule(HUNDRED_DAY_DRIVE_TEMPLATE, new Date(startIso), {});
      const daily = ofRef(all(HUNDRED_DAY_DRIVE_TEMPLATE, schedule), 'daily');
      expect(daily).toHaveLength(100);
      expect(daily[0]!.dueAt).toBe('2026-03-03T09:00:00.000Z');
      expect(daily[99]!.dueAt).toBe('2026-06-10T09:00:00.000Z');
      expect(Date.parse(daily[99]!.dueAt)).toBeLessThanOrEqual(Date.parse(schedule.endsAt));
    }
  });

  it('owes the weekly summary only on its weekday (Friday), 14 times over the drive', () => {
    const weekly = ofRef(all(HUNDRED_DAY_DRIVE_TEMPLATE, drive), 'weekly-summary');
    expect(weekly).toHaveLength(14);
    expect(weekly.every((o) => isoWeekdayCst(o.dueAt) === 5)).toBe(true);
    expect(weekly[0]!.dueAt).toBe('2026-03-06T09:00:00.000Z');
    expect(weekly[13]!.dueAt).toBe('2026-06-05T09:00:00.000Z');
    expect(weekly.slice(1).every((o, i) => Date.parse(o.dueAt) - Date.parse(weekly[i]!.dueAt) === 7 * DAY_MS)).toBe(true);
  });

  it('owes a report only in the phases it lists (大检查: none during 动员部署)', () => {
    // Saturday 1 August 2026, 00:00 in Beijing.
    const schedule = buildCampaignSchedule(BIG_INSPECTION_TEMPLATE, new Date('2026-07-31T16:00:00Z'), {});
    const daily = ofRef(all(BIG_INSPECTION_TEMPLATE, schedule), 'daily');
    expect(daily).toHaveLength(60 + 30 + 15);
    expect(daily[0]).toMatchObject({ id: 'report:daily:2026-08-08', phaseId: 'inspection', dueAt: '2026-08-08T09:00:00.000Z' });
    expect(daily.some((o) => o.phaseId === 'mobilization')).toBe(false);
    expect(daily[daily.length - 1]).toMatchObject({ id: 'report:daily:2026-11-20', phaseId: 'look-back' });
  });

  it('skips a middle phase the report is not required in, and resumes after it', () => {
    const template: CampaignTemplate = {
      ...HUNDRED_DAY_DRIVE_TEMPLATE,
      reports: [{ ...HUNDRED_DAY_DRIVE_TEMPLATE.reports[0]!, phases: ['mobilization', 'summary-acceptance'] }],
    };
    const daily = all(template, drive).filter((o) => o.kind === 'report');
    expect(daily).toHaveLength(10 + 15);
    expect(daily[9]!.id).toBe('report:daily:2026-03-11');
    expect(daily[10]).toMatchObject({ id: 'report:daily:2026-05-26', phaseId: 'summary-acceptance' });
  });

  it('assigns a cut-off on a phase boundary to the phase that ends there', () => {
    const template: CampaignTemplate = {
      ...HUNDRED_DAY_DRIVE_TEMPLATE,
      phases: [
        { id: 'a', name: 'A', duration: { amount: 1, unit: 'days' }, deliverables: [] },
        { id: 'b', name: 'B', duration: { amount: 1, unit: 'days' }, deliverables: [] },
      ],
      reports: [{ id: 'daily', name: '一日一报', cadence: 'daily', cutoff: '17:00', phases: ['a'], zeroReportAllowed: true }],
    };
    // Starts at 17:00 CST sharp: the start's own cut-off is not owed, phase A's end is.
    const schedule = buildCampaignSchedule(template, new Date('2026-03-02T09:00:00Z'), {});
    expect(all(template, schedule).map((o) => [o.id, o.phaseId])).toEqual([['report:daily:2026-03-03', 'a']]);
  });

  it('counts (after, until] exactly and returns nothing for an empty interval', () => {
    const tenth = new Date('2026-03-10T09:00:00Z');
    const between = obligationsBetween(HUNDRED_DAY_DRIVE_TEMPLATE, drive, new Date('2026-03-09T09:00:00Z'), tenth);
    expect(between.map((o) => o.id)).toEqual(['report:daily:2026-03-10']);
    expect(obligationsBetween(HUNDRED_DAY_DRIVE_TEMPLATE, drive, tenth, tenth)).toEqual([]);
    expect(obligationsBetween(HUNDRED_DAY_DRIVE_TEMPLATE, drive, tenth, driveStart)).toEqual([]);
  });

  it('sorts by due time, then id', () => {
    const obligations = all(HUNDRED_DAY_DRIVE_TEMPLATE, drive);
    // Friday 6 March: the daily report and the weekly summary are due at the same 17:00.
    const friday = obligations.filter((o) => o.dueAt === '2026-03-06T09:00:00.000Z').map((o) => o.id);
    expect(friday).toEqual(['report:daily:2026-03-06', 'report:weekly-summary:2026-03-06']);
    for (let i = 1; i < obligations.length; i++) {
      const [a, b] = [obligations[i - 1]!, obligations[i]!];
      expect(Date.parse(a.dueAt) < Date.parse(b.dueAt) || (a.dueAt === b.dueAt && a.id < b.id)).toBe(true);
    }
  });
});

describe('obligationsBetween: deliverables and activities', () => {
  it('owes each phase deliverable at phase start + dueAfter, or at the phase end', () => {
    const deliverables = all(HUNDRED_DAY_DRIVE_TEMPLATE, drive).filter((o) => o.kind === 'deliverable');
    expect(deliverables.map((o) => [o.id, o.phaseId, o.dueAt])).toEqual([
      ['deliverable:implementation-plan', 'mobilization', '2026-03-07T02:00:00.000Z'],
      ['deliverable:self-inspection-report', 'self-inspection', '2026-04-11T02:00:00.000Z'],
      ['deliverable:rectification-ledger', 'focused-rectification', '2026-05-26T02:00:00.000Z'],
      ['deliverable:summary-report', 'summary-acceptance', '2026-06-05T02:00:00.000Z'],
    ]);
    expect(deliverables.every((o) => o.zeroReportAllowed === false)).toBe(true);
  });

  it('moves every later obligation when a phase is extended, and no earlier one', () => {
    const extended = buildCampaignSchedule(HUNDRED_DAY_DRIVE_TEMPLATE, driveStart, { 'self-inspection': [{ amount: 5, unit: 'days' }] });
    const before = new Map(all(HUNDRED_DAY_DRIVE_TEMPLATE, drive).map((o) => [o.id, o]));
    const after = all(HUNDRED_DAY_DRIVE_TEMPLATE, extended);
    const due = (id: string) => after.find((o) => o.id === id)?.dueAt;
    expect(due('deliverable:implementation-plan')).toBe(before.get('deliverable:implementation-plan')!.dueAt);
    expect(due('deliverable:self-inspection-report')).toBe('2026-04-16T02:00:00.000Z');
    expect(due('deliverable:rectification-ledger')).toBe('2026-05-31T02:00:00.000Z');
    expect(due('deliverable:summary-report')).toBe('2026-06-10T02:00:00.000Z');
    expect(ofRef(after, 'daily')).toHaveLength(105);
    // A daily report due on 12 April fell in 自查自纠's successor before, and in 自查自纠 now.
    expect(before.get('report:daily:2026-04-12')!.phaseId).toBe('focused-rectification');
    expect(after.find((o) => o.id === 'report:daily:2026-04-12')!.phaseId).toBe('self-inspection');
  });

  it('counts a working-day dueAfter on the calendar, and never past the phase end', () => {
    const template: CampaignTemplate = {
      ...HUNDRED_DAY_DRIVE_TEMPLATE,
      reports: [],
      phases: [
        {
          id: 'only',
          name: 'only',
          duration: { amount: 5, unit: 'days' },
          deliverables: [
            { id: 'early', name: 'early', dueAfter: { amount: 1, unit: 'workdays' } },
            { id: 'late', name: 'late', dueAfter: { amount: 3, unit: 'workdays' } },
          ],
        },
      ],
    };
    // Friday 2 Oct 2026 10:00 CST; the phase ends Wednesday 7 Oct; Monday 5 Oct is a holiday.
    const friday = new Date('2026-10-02T02:00:00Z');
    const calendar = new OfficialWorkCalendar(['2026-10-05']);
    const schedule = buildCampaignSchedule(template, friday, {}, calendar);
    const between = obligationsBetween(template, schedule, friday, new Date(schedule.endsAt), calendar);
    // early: Tuesday 6 Oct (the holiday skipped); late: Tue, Wed, Thu 8 Oct, past the end, so at the end.
    expect(Object.fromEntries(between.map((o) => [o.refId, o.dueAt]))).toEqual({
      early: '2026-10-06T02:00:00.000Z',
      late: '2026-10-07T02:00:00.000Z',
    });
    expect(findObligation(template, schedule, 'deliverable:early', calendar)?.dueAt).toBe('2026-10-06T02:00:00.000Z');
    expect(nextObligationAfter(template, schedule, friday, calendar)?.dueAt).toBe('2026-10-06T02:00:00.000Z');
  });

  it('安全生产月: 6·1 and 6·16 activities are due the day after; the others at the end of June', () => {
    // Monday 1 June 2026, 00:00 in Beijing.
    const schedule = buildCampaignSchedule(SAFETY_MONTH_TEMPLATE, new Date('2026-05-31T16:00:00Z'), {});
    expect(schedule.endsAt).toBe('2026-06-30T16:00:00.000Z');
    const obligations = all(SAFETY_MONTH_TEMPLATE, schedule);
    const activities = obligations.filter((o) => o.kind === 'activity');
    expect(activities).toHaveLength(8);
    expect(activities[0]).toEqual({
      id: 'activity:launch',
      kind: 'activity',
      refId: 'launch',
      name: SAFETY_MONTH_TEMPLATE.activities[0]!.name,
      phaseId: 'safety-month',
      dueAt: '2026-06-01T16:00:00.000Z', // 6·2 00:00 CST
      zeroReportAllowed: false,
    });
    expect(activities[1]).toMatchObject({ id: 'activity:consultation-day', dueAt: '2026-06-16T16:00:00.000Z' }); // 6·17 00:00 CST
    for (const o of activities.slice(2)) {
      expect(o.dueAt).toBe(schedule.endsAt);
      expect(o.phaseId).toBeUndefined();
    }
    expect(ofRef(obligations, 'weekly').map((o) => o.id)).toEqual([
      'report:weekly:2026-06-05',
      'report:weekly:2026-06-12',
      'report:weekly:2026-06-19',
      'report:weekly:2026-06-26',
    ]);
    expect(obligations).toHaveLength(8 + 4 + 1);
  });

  it('owes nothing for activities that need no report', () => {
    const template: CampaignTemplate = {
      ...SAFETY_MONTH_TEMPLATE,
      activities: SAFETY_MONTH_TEMPLATE.activities.map((a) => ({ ...a, reportRequired: a.id === 'launch' })),
    };
    const schedule = buildCampaignSchedule(template, new Date('2026-05-31T16:00:00Z'), {});
    expect(
      all(template, schedule)
        .filter((o) => o.kind === 'activity')
        .map((o) => o.id),
    ).toEqual(['activity:launch']);
    expect(findObligation(template, schedule, 'activity:theme-lectures')).toBeUndefined();
  });
});
