import { describe, expect, it } from 'vitest';
import { buildCampaignSchedule } from './build-campaign-schedule';
import { missingReporters, reportsDueOn } from './daily-report';
import { HUNDRED_DAY_DRIVE_TEMPLATE } from './shipped-templates';

const template = HUNDRED_DAY_DRIVE_TEMPLATE; // 一日一报 with a 17:00 cut-off
const schedule = buildCampaignSchedule(template, new Date('2026-03-01T16:00:00.000Z'), {}); // 2026-03-02 00:00 CST

describe('reportsDueOn (一日一报 of a China calendar day)', () => {
  it('gives the report obligations whose cut-off falls on that day, and nothing else', () => {
    const due = reportsDueOn(template, schedule, '2026-03-02');
    expect(due.map((o) => [o.id, o.kind, o.dueAt])).toEqual([['report:daily:2026-03-02', 'report', '2026-03-02T09:00:00.000Z']]);
  });

  it('gives none before the campaign starts or after it ends', () => {
    expect(reportsDueOn(template, schedule, '2026-02-27')).toEqual([]);
    expect(reportsDueOn(template, schedule, '2027-03-02')).toEqual([]);
  });

  it('refuses a day that is not a calendar day', () => {
    expect(() => reportsDueOn(template, schedule, '2026-02-30')).toThrow(RangeError);
  });
});

describe('missingReporters (未报)', () => {
  it('passes on who sent no report on a day one was due, and nobody on a day none was', () => {
    const due = reportsDueOn(template, schedule, '2026-03-02');
    expect(missingReporters(due, ['unit-b', 'town-1'])).toEqual(['unit-b', 'town-1']);
    expect(missingReporters([], ['unit-b', 'town-1'])).toEqual([]);
  });
});
