import { describe, expect, it } from 'vitest';
import { DomainRejection } from '../rejection';
import { OfficialWorkCalendar } from '../time/work-calendar';
import { buildCampaignSchedule, phaseAt } from './build-campaign-schedule';
import type { CampaignTemplate } from './campaign-template';
import { HUNDRED_DAY_DRIVE_TEMPLATE } from './shipped-templates';

const DAY_MS = 86_400_000;
// Monday 2 March 2026, 10:00 in Beijing.
const start = new Date('2026-03-02T02:00:00Z');
const daysAfterStart = (iso: string) => (Date.parse(iso) - start.getTime()) / DAY_MS;

describe('buildCampaignSchedule (阶段排期)', () => {
  it('runs the 100-day drive back to back and ends exactly 100 days after the start', () => {
    const schedule = buildCampaignSchedule(HUNDRED_DAY_DRIVE_TEMPLATE, start, {});
    expect(schedule.startsAt).toBe('2026-03-02T02:00:00.000Z');
    expect(schedule.endsAt).toBe('2026-06-10T02:00:00.000Z');
    expect(daysAfterStart(schedule.endsAt)).toBe(100);
    expect(schedule.phases.map((p) => [p.phaseId, daysAfterStart(p.startsAt), daysAfterStart(p.endsAt)])).toEqual([
      ['mobilization', 0, 10],
      ['self-inspection', 10, 40],
      ['focused-rectification', 40, 85],
      ['summary-acceptance', 85, 100],
    ]);
    schedule.phases.slice(1).forEach((phase, i) => expect(phase.startsAt).toBe(schedule.phases[i]!.endsAt));
    expect(schedule.phases[0]!.name).toBe(HUNDRED_DAY_DRIVE_TEMPLATE.phases[0]!.name);
  });

  it('moves every later phase by an extension and leaves earlier ones alone; extensions accumulate', () => {
    const schedule = buildCampaignSchedule(HUNDRED_DAY_DRIVE_TEMPLATE, start, {
      'self-inspection': [
        { amount: 5, unit: 'days' },
        { amount: 12, unit: 'hours' },
      ],
    });
    expect(schedule.phases.map((p) => [daysAfterStart(p.startsAt), daysAfterStart(p.endsAt)])).toEqual([
      [0, 10],
      [10, 45.5],
      [45.5, 90.5],
      [90.5, 105.5],
    ]);
    expect(daysAfterStart(schedule.endsAt)).toBe(105.5);
  });

  it('counts working-day durations and extensions on the calendar', () => {
    const template: CampaignTemplate = {
      ...HUNDRED_DAY_DRIVE_TEMPLATE,
      phases: [
        { id: 'a', name: 'A', duration: { amount: 3, unit: 'workdays' }, deliverables: [] },
        { id: 'b', name: 'B', duration: { amount: 1, unit: 'days' }, deliverables: [] },
      ],
    };
    // Thursday 1 Oct 2026 is a holiday, so 3 working days after Monday 28 Sep are Tue, Wed and Fri.
    const calendar = new OfficialWorkCalendar(['2026-10-01']);
    const monday = new Date('2026-09-28T01:00:00Z');
    const schedule = buildCampaignSchedule(template, monday, { a: [{ amount: 1, unit: 'workdays' }] }, calendar);
    // Tue 29, Wed 30, Fri 2 → then +1 working day → Mon 5.
    expect(schedule.phases[0]!.endsAt).toBe('2026-10-05T01:00:00.000Z');
    expect(schedule.endsAt).toBe('2026-10-06T01:00:00.000Z');
  });

  it('refuses extensions of unknown phases and extensions that would end a phase before it starts', () => {
    const field = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof DomainRejection ? error.field : 'not a rejection';
      }
      return 'no error';
    };
    expect(field(() => buildCampaignSchedule(HUNDRED_DAY_DRIVE_TEMPLATE, start, { nope: [{ amount: 1, unit: 'days' }] }))).toBe(
      'phaseExtensions.nope',
    );
    expect(field(() => buildCampaignSchedule(HUNDRED_DAY_DRIVE_TEMPLATE, start, { mobilization: [{ amount: -10, unit: 'days' }] }))).toBe(
      'phaseExtensions.mobilization',
    );
    expect(field(() => buildCampaignSchedule(HUNDRED_DAY_DRIVE_TEMPLATE, new Date('garbage'), {}))).toBe('startsAt');
  });
});

describe('phaseAt (当前阶段)', () => {
  const schedule = buildCampaignSchedule(HUNDRED_DAY_DRIVE_TEMPLATE, start, {});
  const at = (days: number) => phaseAt(schedule, new Date(start.getTime() + days * DAY_MS))?.phaseId;

  it('is start-inclusive and end-exclusive', () => {
    expect(at(-0.001)).toBeUndefined();
    expect(at(0)).toBe('mobilization');
    expect(at(9.999)).toBe('mobilization');
    expect(at(10)).toBe('self-inspection');
    expect(at(85)).toBe('summary-acceptance');
    expect(at(99.999)).toBe('summary-acceptance');
    expect(at(100)).toBeUndefined();
  });
});
