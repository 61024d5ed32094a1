import { describe, expect, it } from 'vitest';
import { STANDARD_HAZARD_POLICY } from '../hazard/hazard-policy';
import { DomainRejection } from '../rejection';
import { afterStart, CAMPAIGN_START, TWO_PHASE_TEMPLATE } from '../testing/campaign-fixtures';
import { CASCADE_TEMPLATE } from '../testing/cascade-fixtures';
import { buildCampaignSchedule } from './build-campaign-schedule';
import { obligationTemplateFor } from './campaign-cascade';
import { obligationsBetween } from './campaign-obligations';
import type { CampaignTemplate } from './campaign-template';
import { unitDecider } from './unit-decider';
import { settleUnitObligations } from './unit-timers';
import { validateCampaignTemplate } from './validate-campaign-template';

const schedule = buildCampaignSchedule(CASCADE_TEMPLATE, CAMPAIGN_START, {});
const county = { unitId: 'east-gov', name: '东城区人民政府', kind: 'government' as const, regionId: 'east' };
const enterprise = { unitId: 'east-u0', name: '东城企业', kind: 'enterprise' as const, regionId: 'east', industryId: 'construction' };

function refusal(template: CampaignTemplate): { code: string; field?: string } {
  try {
    validateCampaignTemplate(template);
  } catch (error) {
    if (error instanceof DomainRejection) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('the template was accepted');
}

const withCascade = (cascade: Partial<NonNullable<CampaignTemplate['cascade']>>): CampaignTemplate => ({
  ...CASCADE_TEMPLATE,
  cascade: { ...CASCADE_TEMPLATE.cascade!, ...cascade },
});

describe('比照落实: what a government owes under a cascade', () => {
  it("gives a county government the set-up items and roll-ups on its own ladder, and an enterprise the units' template", () => {
    expect(obligationTemplateFor(CASCADE_TEMPLATE, enterprise)).toBe(CASCADE_TEMPLATE);
    expect(obligationTemplateFor(TWO_PHASE_TEMPLATE, county)).toBe(TWO_PHASE_TEMPLATE);
    const owed = obligationsBetween(obligationTemplateFor(CASCADE_TEMPLATE, county), schedule, CAMPAIGN_START, afterStart(50)).map((o) => [
      o.id,
      o.dueAt,
    ]);
    // 50 hours in: two roll-ups (20:00 CST) and both set-up items (two days after the 09:00 start).
    expect(owed).toEqual([
      ['report:county-daily:2026-03-02', '2026-03-02T12:00:00.000Z'],
      ['report:county-daily:2026-03-03', '2026-03-03T12:00:00.000Z'],
      ['deliverable:county-group', '2026-03-04T01:00:00.000Z'],
      ['deliverable:county-plan', '2026-03-04T01:00:00.000Z'],
    ]);
    const unitOwed = obligationsBetween(obligationTemplateFor(CASCADE_TEMPLATE, enterprise), schedule, CAMPAIGN_START, afterStart(10)).map(
      (o) => o.id,
    );
    expect(unitOwed).toEqual(['report:daily:2026-03-02']);
  });

  it("escalates a county's missed roll-ups on the county's ladder, not the units'", () => {
    const ctx = { template: obligationTemplateFor(CASCADE_TEMPLATE, county), schedule, hazardPolicy: STANDARD_HAZARD_POLICY };
    const state = unitDecider.initialState('camp', county, CAMPAIGN_START.toISOString(), false);
    const { events } = settleUnitObligations(state, ctx, afterStart(36));
    expect(events.map((e) => [e.type, e.type === 'escalated' ? e.data.stepId : e.type === 'obligation_missed' ? e.data.obligationId : ''])).toEqual([
      ['obligation_missed', 'report:county-daily:2026-03-02'],
      ['obligation_missed', 'report:county-daily:2026-03-03'],
      ['escalated', 'county-remind'],
      ['escalated', 'county-notice'],
    ]);
  });
});

describe('checking a cascade', () => {
  it('accepts the fixture and names the field of each broken rule', () => {
    expect(() => validateCampaignTemplate(CASCADE_TEMPLATE)).not.toThrow();
    const rollUp = CASCADE_TEMPLATE.cascade!.rollUps[0];
    expect(refusal(withCascade({ rollUps: [{ ...rollUp, rollUpOf: 'weekly' }] }))).toEqual({
      code: 'campaign.template.roll_up_unknown',
      field: 'cascade.rollUps[0].rollUpOf',
    });
    expect(refusal(withCascade({ rollUps: [{ ...rollUp, cutoff: '17:00' }] }))).toEqual({
      code: 'campaign.template.roll_up_too_early',
      field: 'cascade.rollUps[0].cutoff',
    });
    expect(refusal(withCascade({ rollUps: [{ ...rollUp, cadence: 'weekly', weekday: 5 }] }))).toEqual({
      code: 'campaign.template.roll_up_mismatch',
      field: 'cascade.rollUps[0].cadence',
    });
    expect(refusal(withCascade({ rollUps: [{ ...rollUp, id: 'daily' }] }))).toEqual({ code: 'input.duplicate_id', field: 'cascade.rollUps[0].id' });
    expect(refusal(withCascade({ setup: [{ id: 'self-check-report', name: '重名', dueAfter: { amount: 1, unit: 'days' } }] }))).toEqual({
      code: 'input.duplicate_id',
      field: 'cascade.setup[0].id',
    });
    expect(refusal(withCascade({ setup: [{ id: 'late-plan', name: '方案', dueAfter: { amount: 6, unit: 'days' } }] }))).toEqual({
      code: 'campaign.template.deliverable_after_phase',
      field: 'cascade.setup[0].dueAfter.amount',
    });
    expect(refusal(withCascade({ setup: [], rollUps: [] }))).toEqual({ code: 'campaign.template.cascade_empty', field: 'cascade' });
    expect(refusal(withCascade({ escalation: [{ id: 'x', instrument: 'reminder', afterMissed: 0 }] }))).toEqual({
      code: 'input.out_of_range',
      field: 'cascade.escalation[0].afterMissed',
    });
  });
});
