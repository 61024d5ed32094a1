import { describe, expect, it } from 'vitest';
import { WorkflowNotFoundError } from '@temporalio/client';
import {
  buildCampaignSchedule,
  DEFAULT_UNIT_SCORE_RULE,
  HUNDRED_DAY_DRIVE_TEMPLATE,
  SHIPPED_CAMPAIGN_TEMPLATES,
  type UnitCounters,
} from '@duban/domain';
import type { CampaignSubmissionRow, CampaignUnitScoreInputs } from '@duban/persistence';
import { describeWorkflowId } from '@duban/workflows';
import { errorResponseOf } from '../hazards/hazard-errors.filter';
import { assessCampaign } from './campaign-assessment';
import { ledgerRates, submissionRate, targetProgress } from './campaign-targets';
import { SqlCampaignTemplateStore } from './campaign-template-store';
import { assertKnownTemplateFields } from './known-template-fields';

const counters = (over: Partial<UnitCounters> = {}): UnitCounters => ({ due: 0, onTime: 0, late: 0, missed: 0, zeroReports: 0, inspections: 0, findings: 0, ...over });

function scoreRow(unitId: string, over: Partial<CampaignUnitScoreInputs> = {}): CampaignUnitScoreInputs {
  return {
    unitId,
    name: `单位 ${unitId}`,
    regionId: 'county-east',
    industryId: null,
    status: 'active',
    counters: counters(),
    escalations: 0,
    hazards: { found: 0, signedOff: 0, rectifiedOnTime: 0 },
    recordedScore: null,
    ...over,
  };
}

describe('assessCampaign (考核)', () => {
  it('scores enrolled units with the domain rule, best first, equal scores sharing a rank, and totals them', () => {
    const rows = [
      scoreRow('late', { counters: counters({ due: 10, onTime: 5, late: 2, missed: 3 }), escalations: 2 }),
      scoreRow('perfect-1', { counters: counters({ due: 10, onTime: 10, inspections: 1 }) }),
      scoreRow('perfect-2', { counters: counters({ due: 10, onTime: 10 }), hazards: { found: 2, signedOff: 2, rectifiedOnTime: 2 } }),
      scoreRow('waiting', { status: 'pending' }),
      scoreRow('gone', { status: 'removed', counters: counters({ due: 3, missed: 3 }) }),
    ];
    const result = assessCampaign(rows, false);
    expect(result.units.map((u) => [u.unitId, u.rank, u.score])).toEqual([
      ['perfect-1', 1, 100],
      ['perfect-2', 1, 100],
      // 50 × 0.5 + 30 × 1 + 20 × (1 − 2 × 0.25) = 65
      ['late', 3, 65],
    ]);
    expect(result.notAssessed).toEqual([
      { unitId: 'waiting', name: '单位 waiting', status: 'pending' },
      { unitId: 'gone', name: '单位 gone', status: 'removed' },
    ]);
    expect(result.totals).toEqual({
      unitsAssessed: 3,
      averageScore: 88.3,
      lowestScore: 65,
      highestScore: 100,
      counters: counters({ due: 30, onTime: 25, late: 2, missed: 3, inspections: 1 }),
      escalations: 2,
      hazards: { found: 2, signedOff: 2, rectifiedOnTime: 2 },
      onTimeRate: 25 / 30,
    });
    expect(result.rule).toBe(DEFAULT_UNIT_SCORE_RULE);
    expect(assessCampaign(rows, true).final).toBe(true);
  });

  it('has nothing to average when no unit is enrolled', () => {
    expect(assessCampaign([scoreRow('x', { status: 'pending' })], false).totals).toMatchObject({ unitsAssessed: 0, averageScore: null, onTimeRate: null });
  });
});

describe('targets (目标)', () => {
  it('gives each target its rate, part and whole, and whether met; null while nothing is measurable', () => {
    const inputs = {
      reports_on_time_rate: { part: 19, whole: 20 },
      deliverables_on_time_rate: { part: 3, whole: 3 },
      units_inspected_rate: { part: 1, whole: 4 },
      hazards_rectified_rate: { part: 0, whole: 0 },
      activities_reported_rate: { part: 0, whole: 0 },
    };
    const progress = targetProgress(HUNDRED_DAY_DRIVE_TEMPLATE.targets, inputs);
    expect(progress.map((t) => [t.targetId, t.rate, t.met])).toEqual([
      ['reports-on-time', 0.95, true],
      ['deliverables-on-time', 1, true],
      ['hazards-rectified', null, null],
    ]);
    expect(progress[0].basis).toMatch(/^按时报送率 \(reports on time\): /);
  });

  it('counts obligations, inspections and hazards from the unit ledger (pending and removed units owe nothing)', () => {
    const rows = [
      scoreRow('a', { counters: counters({ due: 4, onTime: 3, inspections: 2 }), hazards: { found: 3, signedOff: 2, rectifiedOnTime: 1 } }),
      scoreRow('b', { counters: counters({ due: 4, onTime: 4 }) }),
      scoreRow('c', { status: 'pending' }),
      scoreRow('d', { status: 'removed', counters: counters({ due: 9, inspections: 1 }) }),
    ];
    expect(ledgerRates(rows)).toEqual({
      reports_on_time_rate: { part: 7, whole: 8 },
      units_inspected_rate: { part: 1, whole: 3 },
      hazards_rectified_rate: { part: 2, whole: 3 },
    });
  });

  it('counts deliverables due so far per unit enrolled before each was due', () => {
    const template = HUNDRED_DAY_DRIVE_TEMPLATE; // implementation-plan due 5 days in, self-inspection-report at day 40
    const schedule = buildCampaignSchedule(template, new Date('2026-03-01T16:00:00.000Z'), {});
    const now = new Date('2026-04-15T00:00:00.000Z'); // after both
    const units = [
      { unitId: 'early', status: 'active', enrolledAt: '2026-03-01T16:05:00.000Z' },
      { unitId: 'joined-later', status: 'active', enrolledAt: '2026-03-20T00:00:00.000Z' },
      { unitId: 'pending', status: 'pending', enrolledAt: null },
    ];
    const submission = (unitId: string, obligationId: string, onTime: boolean): CampaignSubmissionRow => ({
      unitId,
      obligationId,
      kind: 'deliverable',
      dueAt: null,
      submittedAt: '2026-03-05T00:00:00.000Z',
      onTime,
      zero: false,
      content: 'x',
      actorId: 'u',
    });
    const submissions = [
      submission('early', 'deliverable:implementation-plan', true),
      submission('early', 'deliverable:self-inspection-report', false),
      submission('joined-later', 'deliverable:self-inspection-report', true),
      submission('joined-later', 'deliverable:summary-report', true), // not due yet
    ];
    // Due: implementation-plan (early only) + self-inspection-report (both) = 3.
    expect(submissionRate('deliverable', template, schedule, units, submissions, now, true)).toEqual({ part: 2, whole: 3 });
    expect(submissionRate('deliverable', template, schedule, units, submissions, now, false)).toEqual({ part: 3, whole: 3 });
    expect(submissionRate('activity', template, schedule, units, [], now, false)).toEqual({ part: 0, whole: 0 });
  });
});

describe('template fields', () => {
  it('passes the shipped templates and names an unknown field anywhere, with a prefix', () => {
    for (const template of SHIPPED_CAMPAIGN_TEMPLATES) expect(() => assertKnownTemplateFields(template)).not.toThrow();
    const typo = JSON.parse(JSON.stringify(HUNDRED_DAY_DRIVE_TEMPLATE));
    typo.escalation[2].afterMised = 5;
    expect(() => assertKnownTemplateFields(typo, 'template')).toThrow(expect.objectContaining({ kind: 'invalid', field: 'template.escalation[2].afterMised' }));
    const span = JSON.parse(JSON.stringify(HUNDRED_DAY_DRIVE_TEMPLATE));
    span.phases[3].duration.unitz = 'days';
    expect(() => assertKnownTemplateFields(span)).toThrow(expect.objectContaining({ field: 'phases[3].duration.unitz' }));
  });
});

describe('SqlCampaignTemplateStore', () => {
  function fakeDb(rows: unknown[]) {
    const calls: Array<{ sql: string; params?: unknown[] }> = [];
    return {
      calls,
      query: async (sql: string, params?: unknown[]) => {
        calls.push({ sql, params });
        return rows;
      },
    };
  }

  it('inserts into campaign_template without overwriting, JSON as jsonb, and reads rows back', async () => {
    const createdAt = new Date('2026-03-02T08:00:00.000Z');
    const db = fakeDb([{ template_id: 'x', template: HUNDRED_DAY_DRIVE_TEMPLATE, created_by: 'o-1', created_at: createdAt }]);
    const store = new SqlCampaignTemplateStore(db);
    const stored = await store.insert(HUNDRED_DAY_DRIVE_TEMPLATE, { id: 'o-1', name: '李四', role: 'office' });
    expect(stored).toEqual({ template: HUNDRED_DAY_DRIVE_TEMPLATE, createdBy: 'o-1', createdAt: createdAt.toISOString() });
    expect(db.calls[0].sql).toMatch(/INSERT INTO campaign_template \(template_id, template, created_by\) VALUES \(\$1, \$2::jsonb, \$3\)\s+ON CONFLICT \(template_id\) DO NOTHING/);
    expect(db.calls[0].params).toEqual(['hundred-day-drive', JSON.stringify(HUNDRED_DAY_DRIVE_TEMPLATE), 'o-1']);
    expect(await store.get('x')).toMatchObject({ createdBy: 'o-1' });
    expect(db.calls[1]).toMatchObject({ params: ['x'] });
  });

  it('answers undefined when the id is taken (no row returned)', async () => {
    const store = new SqlCampaignTemplateStore(fakeDb([]));
    expect(await store.insert(HUNDRED_DAY_DRIVE_TEMPLATE, { id: 'o', name: 'n', role: 'office' })).toBeUndefined();
    expect(await store.get('nope')).toBeUndefined();
  });
});

describe('error mapping for campaign workflows', () => {
  it('names a campaign, a unit in a campaign, or a hazard from the workflow id', () => {
    expect(describeWorkflowId('campaign-3f2a0c1e-1111-4222-8333-444455556666')).toBe('campaign 3f2a0c1e-1111-4222-8333-444455556666');
    expect(describeWorkflowId('campaign-3f2a0c1e-1111-4222-8333-444455556666-unit-unit-a')).toBe('unit unit-a in campaign 3f2a0c1e-1111-4222-8333-444455556666');
    expect(describeWorkflowId('hazard-abc')).toBe('hazard abc');
    expect(errorResponseOf(new WorkflowNotFoundError('not found', 'campaign-c1', undefined))).toEqual({ statusCode: 404, error: 'Not Found', message: 'campaign c1 not found' });
  });
});
