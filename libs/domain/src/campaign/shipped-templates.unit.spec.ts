import { describe, expect, it } from 'vitest';
import { buildCampaignSchedule } from './build-campaign-schedule';
import {
  BIG_INSPECTION_TEMPLATE,
  CONSTRUCTION_HAZARD_SWEEP_TEMPLATE,
  HUNDRED_DAY_DRIVE_TEMPLATE,
  SAFETY_MONTH_TEMPLATE,
  SHIPPED_CAMPAIGN_TEMPLATES,
} from './shipped-templates';
import { validateCampaignTemplate } from './validate-campaign-template';

const DAY_MS = 86_400_000;
const lengthInDays = (template: typeof HUNDRED_DAY_DRIVE_TEMPLATE) => {
  const start = new Date('2026-03-02T02:00:00Z');
  const schedule = buildCampaignSchedule(template, start, {});
  return (Date.parse(schedule.endsAt) - start.getTime()) / DAY_MS;
};

describe('shipped campaign templates (内置专项行动模板)', () => {
  it.each(SHIPPED_CAMPAIGN_TEMPLATES.map((t) => [t.id, t] as const))('%s passes validation', (_id, template) => {
    expect(() => validateCampaignTemplate(template)).not.toThrow();
  });

  it('ships four templates with distinct ids and kinds, each citing its source', () => {
    expect(SHIPPED_CAMPAIGN_TEMPLATES).toHaveLength(4);
    expect(new Set(SHIPPED_CAMPAIGN_TEMPLATES.map((t) => t.id)).size).toBe(4);
    expect(SHIPPED_CAMPAIGN_TEMPLATES.map((t) => t.kind)).toEqual(['hundred_day_drive', 'big_inspection', 'hazard_sweep', 'safety_month']);
    for (const t of SHIPPED_CAMPAIGN_TEMPLATES) expect(t.escalation.length).toBeGreaterThan(0);
  });

  it('百日安全生产活动: four phases summing to exactly 100 days, 一日一报 by 17:00 with 零报告, weekly summary, a deliverable per phase', () => {
    const t = HUNDRED_DAY_DRIVE_TEMPLATE;
    expect(t.phases.map((p) => p.name.slice(0, 4))).toEqual(['动员部署', '自查自纠', '集中整治', '总结验收']);
    expect(t.phases.every((p) => p.duration.unit === 'days')).toBe(true);
    expect(t.phases.reduce((sum, p) => sum + p.duration.amount, 0)).toBe(100);
    expect(lengthInDays(t)).toBe(100);
    expect(t.reports.find((r) => r.cadence === 'daily')).toMatchObject({ cutoff: '17:00', zeroReportAllowed: true });
    expect(t.reports.some((r) => r.cadence === 'weekly')).toBe(true);
    expect(t.phases.every((p) => p.deliverables.length >= 1)).toBe(true);
    expect(t.source).toMatch(/only name/);
  });

  it('安全生产大检查: four concurrent tiers, 回头看 last, 三个全覆盖, every unit inspected', () => {
    const t = BIG_INSPECTION_TEMPLATE;
    expect(t.inspectionTiers.map((tier) => tier.id)).toEqual([
      'self-inspection',
      'county-inspection',
      'city-department-supervision',
      'city-committee-guidance',
    ]);
    expect(t.phases[t.phases.length - 1]?.name).toMatch(/回头看/);
    expect(t.coverage).toEqual({ regions: true, units: true, industries: true });
    expect(t.targets).toContainEqual(expect.objectContaining({ metric: 'units_inspected_rate', threshold: 1 }));
    expect(t.reports[0]).toMatchObject({ cadence: 'daily' });
    expect(t.reports[0]?.name).toMatch(/一日一报/);
    expect(t.reports[0]?.name).toMatch(/一日一汇总/);
  });

  it('在建工程隐患大排查: 31 days, 五个100% at threshold 1 quoting the seed, 19 placeholder check items, 约谈 rung', () => {
    const t = CONSTRUCTION_HAZARD_SWEEP_TEMPLATE;
    expect(lengthInDays(t)).toBe(31);
    expect(t.targets).toHaveLength(5);
    for (const target of t.targets) {
      expect(target.threshold).toBe(1);
      expect(target.name).toMatch(/100%/);
    }
    expect(t.targets.map((x) => x.name).join()).toContain('每月风险评估率');
    expect(t.checkItems).toHaveLength(19);
    expect(t.source).toMatch(/PLACEHOLDER/);
    expect(t.inspectionTiers).toHaveLength(4);
    expect(t.description).toMatch(/不得施工/);
    expect(t.escalation.map((s) => s.instrument)).toContain('summons');
    expect(t.reports).toEqual([expect.objectContaining({ cadence: 'daily' })]);
  });

  it('安全生产月: 30 days in June, 8 activities, 6·1 on day 0 and 6·16 on day 15, each reported', () => {
    const t = SAFETY_MONTH_TEMPLATE;
    expect(lengthInDays(t)).toBe(30);
    expect(t.activities).toHaveLength(8);
    expect(t.activities.every((a) => a.reportRequired)).toBe(true);
    expect(t.activities.filter((a) => a.onDay !== undefined).map((a) => [a.onDay, a.name])).toEqual([
      [0, expect.stringContaining('6·1')],
      [15, expect.stringContaining('6·16')],
    ]);
    expect(t.reports).toEqual([expect.objectContaining({ cadence: 'weekly' })]);
  });
});
