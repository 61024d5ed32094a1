import { describe, expect, it } from 'vitest';
import { DomainRejection } from '../rejection';
import type { CampaignTemplate } from './campaign-template';
import { HUNDRED_DAY_DRIVE_TEMPLATE, SAFETY_MONTH_TEMPLATE } from './shipped-templates';
import { validateCampaignTemplate } from './validate-campaign-template';

/** The field of the rejection `fn` throws; fails when it throws something else or nothing. */
function rejectedField(fn: () => void): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainRejection) {
      expect(error.kind).toBe('invalid');
      return error.field;
    }
    throw error;
  }
  throw new Error('expected a DomainRejection');
}

/** A copy of a template with `edit` applied, and the field its validation rejects. */
function fieldOf(edit: (t: CampaignTemplate) => void, base: CampaignTemplate = HUNDRED_DAY_DRIVE_TEMPLATE): string | undefined {
  const template = structuredClone(base);
  edit(template);
  return rejectedField(() => validateCampaignTemplate(template));
}

const loose = (t: CampaignTemplate) => t as unknown as Record<string, any>;

describe('validateCampaignTemplate (模板校验)', () => {
  it('accepts the shipped drive untouched and does not modify it', () => {
    const copy = structuredClone(HUNDRED_DAY_DRIVE_TEMPLATE);
    validateCampaignTemplate(copy);
    expect(copy).toEqual(HUNDRED_DAY_DRIVE_TEMPLATE);
  });

  it('rejects empty, malformed and duplicate ids with their paths', () => {
    expect(fieldOf((t) => (t.id = ''))).toBe('id');
    expect(fieldOf((t) => (t.id = 'has space'))).toBe('id');
    expect(fieldOf((t) => (t.phases[2]!.id = ''))).toBe('phases[2].id');
    expect(fieldOf((t) => (t.phases[1]!.id = t.phases[0]!.id))).toBe('phases[1].id');
    // Deliverable ids are unique across the whole template (they name obligations).
    expect(fieldOf((t) => (t.phases[3]!.deliverables[0]!.id = t.phases[0]!.deliverables[0]!.id))).toBe('phases[3].deliverables[0].id');
    expect(fieldOf((t) => (t.reports[1]!.id = 'daily'))).toBe('reports[1].id');
    expect(fieldOf((t) => (t.targets[1]!.id = t.targets[0]!.id))).toBe('targets[1].id');
    expect(fieldOf((t) => (t.checkItems[1]!.id = t.checkItems[0]!.id))).toBe('checkItems[1].id');
    expect(fieldOf((t) => (t.inspectionTiers[3]!.id = t.inspectionTiers[0]!.id))).toBe('inspectionTiers[3].id');
    expect(fieldOf((t) => (t.escalation[2]!.id = t.escalation[0]!.id))).toBe('escalation[2].id');
    expect(fieldOf((t) => (t.activities[1]!.id = t.activities[0]!.id), SAFETY_MONTH_TEMPLATE)).toBe('activities[1].id');
  });

  it('rejects missing names, texts and source', () => {
    expect(fieldOf((t) => (t.name = '  '))).toBe('name');
    expect(fieldOf((t) => (t.source = ''))).toBe('source');
    expect(fieldOf((t) => (t.phases[1]!.name = ''))).toBe('phases[1].name');
    expect(fieldOf((t) => (t.phases[0]!.deliverables[0]!.name = ''))).toBe('phases[0].deliverables[0].name');
    expect(fieldOf((t) => (t.reports[0]!.name = ''))).toBe('reports[0].name');
    expect(fieldOf((t) => (t.targets[0]!.name = ''))).toBe('targets[0].name');
    expect(fieldOf((t) => (t.checkItems[4]!.text = ''))).toBe('checkItems[4].text');
    expect(fieldOf((t) => (t.inspectionTiers[0]!.name = ''))).toBe('inspectionTiers[0].name');
    expect(fieldOf((t) => (t.activities[7]!.name = ''), SAFETY_MONTH_TEMPLATE)).toBe('activities[7].name');
    expect(fieldOf((t) => (t.name = 'x'.repeat(201)))).toBe('name');
  });

  it('rejects a template without phases, and lists that are not lists', () => {
    expect(fieldOf((t) => (t.phases = []))).toBe('phases');
    expect(fieldOf((t) => (loose(t).phases = undefined))).toBe('phases');
    expect(fieldOf((t) => (loose(t).reports = 'daily'))).toBe('reports');
    expect(fieldOf((t) => (loose(t).phases[0].deliverables = undefined))).toBe('phases[0].deliverables');
  });

  it('rejects non-positive, non-finite and fractional-working-day durations', () => {
    expect(fieldOf((t) => (t.phases[1]!.duration.amount = 0))).toBe('phases[1].duration.amount');
    expect(fieldOf((t) => (t.phases[1]!.duration.amount = -3))).toBe('phases[1].duration.amount');
    expect(fieldOf((t) => (t.phases[1]!.duration.amount = Number.POSITIVE_INFINITY))).toBe('phases[1].duration.amount');
    expect(fieldOf((t) => (t.phases[1]!.duration.amount = Number.NaN))).toBe('phases[1].duration.amount');
    expect(fieldOf((t) => (t.phases[2]!.duration = { amount: 2.5, unit: 'workdays' }))).toBe('phases[2].duration.amount');
    expect(fieldOf((t) => (loose(t).phases[2].duration.unit = 'weeks'))).toBe('phases[2].duration.unit');
    expect(fieldOf((t) => (loose(t).phases[2].duration = undefined))).toBe('phases[2].duration');
    expect(fieldOf((t) => (t.phases[3]!.duration.amount = 1000))).toBe('phases[3].duration.amount');
  });

  it('rejects a deliverable due beyond its phase or with a bad span', () => {
    expect(fieldOf((t) => (t.phases[0]!.deliverables[0]!.dueAfter = { amount: 11, unit: 'days' }))).toBe('phases[0].deliverables[0].dueAfter.amount');
    expect(fieldOf((t) => (t.phases[0]!.deliverables[0]!.dueAfter = { amount: 241, unit: 'hours' }))).toBe(
      'phases[0].deliverables[0].dueAfter.amount',
    );
    expect(fieldOf((t) => (t.phases[0]!.deliverables[0]!.dueAfter = { amount: 0, unit: 'days' }))).toBe('phases[0].deliverables[0].dueAfter.amount');
    // Exactly the phase's length is allowed (due at its end).
    expect(() => {
      const t = structuredClone(HUNDRED_DAY_DRIVE_TEMPLATE);
      t.phases[0]!.deliverables[0]!.dueAfter = { amount: 240, unit: 'hours' };
      validateCampaignTemplate(t);
    }).not.toThrow();
  });

  it('rejects unknown kind, metric, instrument and cadence', () => {
    expect(fieldOf((t) => (loose(t).kind = 'blitz'))).toBe('kind');
    expect(fieldOf((t) => (loose(t).targets[2].metric = 'happiness_rate'))).toBe('targets[2].metric');
    expect(fieldOf((t) => (loose(t).escalation[1].instrument = 'firing_squad'))).toBe('escalation[1].instrument');
    expect(fieldOf((t) => (loose(t).reports[0].cadence = 'monthly'))).toBe('reports[0].cadence');
  });

  it('rejects unknown or repeated phase references, and an empty phase list', () => {
    expect(fieldOf((t) => (t.reports[0]!.phases = ['mobilization', 'no-such-phase']))).toBe('reports[0].phases[1]');
    expect(fieldOf((t) => (t.reports[0]!.phases = ['nope']))).toBe('reports[0].phases[0]');
    expect(fieldOf((t) => (t.reports[0]!.phases = ['mobilization', 'mobilization']))).toBe('reports[0].phases[1]');
    expect(fieldOf((t) => (t.reports[0]!.phases = []))).toBe('reports[0].phases');
  });

  it("rejects cut-offs that are not 'HH:MM' within 00:00–23:59", () => {
    for (const cutoff of ['24:00', '17:60', '7:00', '17:00:00', '', '1700', 'noon']) {
      expect(fieldOf((t) => (t.reports[0]!.cutoff = cutoff))).toBe('reports[0].cutoff');
    }
    for (const cutoff of ['00:00', '23:59', '09:30']) {
      const t = structuredClone(HUNDRED_DAY_DRIVE_TEMPLATE);
      t.reports[0]!.cutoff = cutoff;
      expect(() => validateCampaignTemplate(t)).not.toThrow();
    }
  });

  it('requires a weekday 1–7 for weekly reports and none for daily ones', () => {
    expect(fieldOf((t) => delete t.reports[1]!.weekday)).toBe('reports[1].weekday');
    expect(fieldOf((t) => (t.reports[1]!.weekday = 0))).toBe('reports[1].weekday');
    expect(fieldOf((t) => (t.reports[1]!.weekday = 8))).toBe('reports[1].weekday');
    expect(fieldOf((t) => (t.reports[1]!.weekday = 2.5))).toBe('reports[1].weekday');
    expect(fieldOf((t) => (t.reports[0]!.weekday = 3))).toBe('reports[0].weekday');
    expect(fieldOf((t) => (loose(t).reports[0].zeroReportAllowed = 'yes'))).toBe('reports[0].zeroReportAllowed');
  });

  it('rejects thresholds outside 0..1', () => {
    expect(fieldOf((t) => (t.targets[0]!.threshold = 1.01))).toBe('targets[0].threshold');
    expect(fieldOf((t) => (t.targets[0]!.threshold = -0.1))).toBe('targets[0].threshold');
    expect(fieldOf((t) => (t.targets[0]!.threshold = 100))).toBe('targets[0].threshold');
    expect(fieldOf((t) => (t.targets[0]!.threshold = Number.NaN))).toBe('targets[0].threshold');
  });

  it('rejects ladder rungs that are not positive whole numbers or not strictly increasing', () => {
    expect(fieldOf((t) => (t.escalation[0]!.afterMissed = 0))).toBe('escalation[0].afterMissed');
    expect(fieldOf((t) => (t.escalation[1]!.afterMissed = 2.5))).toBe('escalation[1].afterMissed');
    expect(fieldOf((t) => (t.escalation[1]!.afterMissed = 1))).toBe('escalation[1].afterMissed');
    expect(fieldOf((t) => (t.escalation[2]!.afterMissed = 2))).toBe('escalation[2].afterMissed');
  });

  it('rejects activity days that are negative, fractional or beyond the campaign', () => {
    expect(fieldOf((t) => (t.activities[0]!.onDay = -1), SAFETY_MONTH_TEMPLATE)).toBe('activities[0].onDay');
    expect(fieldOf((t) => (t.activities[0]!.onDay = 1.5), SAFETY_MONTH_TEMPLATE)).toBe('activities[0].onDay');
    expect(fieldOf((t) => (t.activities[1]!.onDay = 30), SAFETY_MONTH_TEMPLATE)).toBe('activities[1].onDay');
    const lastDay = structuredClone(SAFETY_MONTH_TEMPLATE);
    lastDay.activities[1]!.onDay = 29;
    expect(() => validateCampaignTemplate(lastDay)).not.toThrow();
  });

  it('rejects coverage flags that are not booleans', () => {
    expect(fieldOf((t) => (loose(t).coverage.industries = 'all'))).toBe('coverage.industries');
    expect(fieldOf((t) => (loose(t).coverage = undefined))).toBe('coverage');
  });

  it('reports a readable message in English and Chinese', () => {
    const t = structuredClone(HUNDRED_DAY_DRIVE_TEMPLATE);
    t.phases[1]!.duration.amount = 0;
    expect(() => validateCampaignTemplate(t)).toThrow(/positive.*正数/);
  });
});
