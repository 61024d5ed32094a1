import { describe, expect, it } from 'vitest';
import { buildCampaignSchedule } from './build-campaign-schedule';
import { findObligation, nextObligationAfter, obligationsBetween, parseCutoff } from './campaign-obligations';
import type { CampaignSchedule } from './campaign-schedule';
import type { CampaignTemplate } from './campaign-template';
import {
  BIG_INSPECTION_TEMPLATE,
  CONSTRUCTION_HAZARD_SWEEP_TEMPLATE,
  HUNDRED_DAY_DRIVE_TEMPLATE,
  SHIPPED_CAMPAIGN_TEMPLATES,
} from './shipped-templates';

const DAY_MS = 86_400_000;
// Monday 2 March 2026, 10:00 in Beijing (02:00Z).
const driveStart = new Date('2026-03-02T02:00:00Z');
const drive = buildCampaignSchedule(HUNDRED_DAY_DRIVE_TEMPLATE, driveStart, {});
const all = (template: CampaignTemplate, schedule: CampaignSchedule) =>
  obligationsBetween(template, schedule, new Date(Date.parse(schedule.startsAt) - DAY_MS), new Date(Date.parse(schedule.endsAt) + DAY_MS));

// findObligation / nextObligationAfter / parseCutoff; obligationsBetween is campaign-obligations.unit.spec.ts.
describe('findObligation (按编号查找)', () => {
  const cases = SHIPPED_CAMPAIGN_TEMPLATES.map((template) => {
    const schedule = buildCampaignSchedule(template, new Date('2027-01-01T00:00:00+08:00'), {
      [template.phases[0]!.id]: [{ amount: 2, unit: 'days' }],
    });
    return [template.id, template, schedule] as const;
  });

  it.each(cases)('round-trips every obligation id of %s', (_id, template, schedule) => {
    const obligations = all(template, schedule);
    expect(obligations.length).toBeGreaterThan(0);
    for (const o of obligations) expect(findObligation(template, schedule, o.id)).toEqual(o);
  });

  it('finds nothing for ids the campaign does not owe', () => {
    const t = HUNDRED_DAY_DRIVE_TEMPLATE;
    for (const id of [
      'report:daily:2026-03-01', // before the start
      'report:daily:2026-06-10', // after the end
      'report:daily:2026-02-30', // no such day
      'report:daily:2026-3-5',
      'report:weekly-summary:2026-03-05', // a Thursday
      'report:nope:2026-03-05',
      'report:daily',
      'deliverable:nope',
      'activity:nope',
      'memo:daily:2026-03-05',
      'daily',
      '',
    ]) {
      expect(findObligation(t, drive, id)).toBeUndefined();
    }
    expect(findObligation(t, drive, 'report:weekly-summary:2026-03-06')).toMatchObject({ dueAt: '2026-03-06T09:00:00.000Z' });
  });

  it('finds nothing for a report in a phase where it is not required', () => {
    const schedule = buildCampaignSchedule(BIG_INSPECTION_TEMPLATE, new Date('2026-07-31T16:00:00Z'), {});
    expect(findObligation(BIG_INSPECTION_TEMPLATE, schedule, 'report:daily:2026-08-03')).toBeUndefined();
    expect(findObligation(BIG_INSPECTION_TEMPLATE, schedule, 'report:daily:2026-08-08')).toMatchObject({ phaseId: 'inspection' });
  });
});

describe('nextObligationAfter (下一项应报)', () => {
  it.each(SHIPPED_CAMPAIGN_TEMPLATES.map((t) => [t.id, t] as const))('agrees with obligationsBetween for %s', (_id, template) => {
    const schedule = buildCampaignSchedule(template, new Date('2026-05-31T16:00:00Z'), { [template.phases[0]!.id]: [{ amount: 36, unit: 'hours' }] });
    const startMs = Date.parse(schedule.startsAt);
    const endMs = Date.parse(schedule.endsAt);
    const obligations = all(template, schedule);
    // Every 7 hours from a day before the start to a day after the end, plus every due time itself.
    const probes: number[] = [];
    for (let t = startMs - DAY_MS; t <= endMs + DAY_MS; t += 7 * 3600_000) probes.push(t);
    probes.push(...obligations.map((o) => Date.parse(o.dueAt)), ...obligations.map((o) => Date.parse(o.dueAt) - 1));
    for (const t of probes) {
      const expected = obligations.find((o) => Date.parse(o.dueAt) > t);
      expect(nextObligationAfter(template, schedule, new Date(t))).toEqual(expected);
    }
  });

  it('is undefined once everything has come due', () => {
    expect(nextObligationAfter(HUNDRED_DAY_DRIVE_TEMPLATE, drive, new Date(drive.endsAt))).toBeUndefined();
  });

  it('jumps a long phase without the report instead of walking it', () => {
    const template: CampaignTemplate = {
      ...CONSTRUCTION_HAZARD_SWEEP_TEMPLATE,
      phases: [
        { id: 'quiet', name: 'quiet', duration: { amount: 700, unit: 'days' }, deliverables: [] },
        { id: 'busy', name: 'busy', duration: { amount: 2, unit: 'days' }, deliverables: [] },
      ],
      reports: [{ id: 'daily', name: '一日一报', cadence: 'daily', cutoff: '08:30', phases: ['busy'], zeroReportAllowed: false }],
    };
    const schedule = buildCampaignSchedule(template, new Date('2027-01-01T00:00:00+08:00'), {});
    expect(nextObligationAfter(template, schedule, new Date(schedule.startsAt))).toMatchObject({
      id: 'report:daily:2028-12-01',
      dueAt: '2028-12-01T00:30:00.000Z',
    });
  });
});

describe('parseCutoff', () => {
  it('reads HH:MM as minutes after midnight', () => {
    expect(parseCutoff('17:00')).toBe(1020);
    expect(parseCutoff('00:00')).toBe(0);
    expect(parseCutoff('23:59')).toBe(1439);
    expect(parseCutoff('24:00')).toBeUndefined();
    expect(parseCutoff(1700)).toBeUndefined();
  });
});
