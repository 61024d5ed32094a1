import { describe, expect, it } from 'vitest';
import { buildCampaignSchedule } from './build-campaign-schedule';
import {
  ledgerRates,
  measuredSubmissionKinds,
  submissionRate,
  targetInputs,
  targetProgress,
  type SubmissionRecord,
  type UnitTargetRow,
} from './campaign-targets';
import { CASCADE_TEMPLATE } from '../testing/cascade-fixtures';
import { HUNDRED_DAY_DRIVE_TEMPLATE } from './shipped-templates';
import type { UnitCounters } from './unit-obligations-state';

const counters = (over: Partial<UnitCounters> = {}): UnitCounters => ({
  due: 0,
  onTime: 0,
  late: 0,
  missed: 0,
  zeroReports: 0,
  inspections: 0,
  findings: 0,
  ...over,
});
const row = (status: string, over: Partial<UnitTargetRow> = {}): UnitTargetRow => ({
  status,
  kind: 'enterprise',
  counters: counters(),
  hazards: { found: 0, signedOff: 0 },
  ...over,
});

// implementation-plan due 5 days in, self-inspection-report at day 40.
const template = HUNDRED_DAY_DRIVE_TEMPLATE;
const schedule = buildCampaignSchedule(template, new Date('2026-03-01T16:00:00.000Z'), {});
const now = new Date('2026-04-15T00:00:00.000Z'); // after both
const units = [
  { unitId: 'early', kind: 'enterprise' as const, status: 'active', enrolledAt: '2026-03-01T16:05:00.000Z' },
  { unitId: 'joined-later', kind: 'enterprise' as const, status: 'active', enrolledAt: '2026-03-20T00:00:00.000Z' },
  { unitId: 'pending', kind: 'enterprise' as const, status: 'pending', enrolledAt: null },
];
// The same drive cascading to the counties (比照落实): their governments owe set-up items and roll-ups instead.
const cascading = { ...template, cascade: CASCADE_TEMPLATE.cascade };
const county = { unitId: 'county-gov', kind: 'government' as const, status: 'active', enrolledAt: '2026-03-01T16:05:00.000Z' };
const submission = (unitId: string, obligationId: string, onTime: boolean): SubmissionRecord => ({ unitId, obligationId, onTime });

describe('targetProgress (目标)', () => {
  it('gives each target its rate, part and whole, and whether met; null while nothing is measurable', () => {
    const inputs = {
      reports_on_time_rate: { part: 19, whole: 20 },
      deliverables_on_time_rate: { part: 3, whole: 3 },
      units_inspected_rate: { part: 1, whole: 4 },
      hazards_rectified_rate: { part: 0, whole: 0 },
      activities_reported_rate: { part: 0, whole: 0 },
    };
    const progress = targetProgress(template.targets, inputs);
    expect(progress.map((t) => [t.targetId, t.rate, t.met])).toEqual([
      ['reports-on-time', 0.95, true],
      ['deliverables-on-time', 1, true],
      ['hazards-rectified', null, null],
    ]);
    expect(progress[0].basis).toMatch(/^按时报送率 \(reports on time\): /);
  });

  it('never rates above 1 when the counts disagree', () => {
    const inputs = { ...targetInputs([], { template, schedule }, [], {}, now), reports_on_time_rate: { part: 5, whole: 4 } };
    expect(targetProgress(template.targets, inputs)[0]).toMatchObject({ rate: 1, part: 5, whole: 4, met: true });
  });
});

describe('ledgerRates', () => {
  it('counts obligations of enrolled units, inspections and hazards of units in scope (pending and removed units owe nothing)', () => {
    const rows = [
      row('active', { counters: counters({ due: 4, onTime: 3, inspections: 2 }), hazards: { found: 3, signedOff: 2 } }),
      row('active', { counters: counters({ due: 4, onTime: 4 }) }),
      row('pending'),
      row('removed', { counters: counters({ due: 9, inspections: 1 }) }),
    ];
    expect(ledgerRates(rows, template)).toEqual({
      reports_on_time_rate: { part: 7, whole: 8 },
      units_inspected_rate: { part: 1, whole: 3 },
      hazards_rectified_rate: { part: 2, whole: 3 },
    });
  });

  it('rates inspection coverage over enterprises only: governments and departments inspect, they are not inspected', () => {
    const rows = [
      row('active', { counters: counters({ inspections: 1 }) }),
      row('active'),
      row('active', { kind: 'government', counters: counters({ due: 2, onTime: 2, inspections: 3 }) }),
      row('active', { kind: 'department', counters: counters({ due: 2, onTime: 1 }) }),
    ];
    // Without a cascade every unit owes the template's reports: all count for reports on time.
    expect(ledgerRates(rows, template)).toMatchObject({ units_inspected_rate: { part: 1, whole: 2 }, reports_on_time_rate: { part: 3, whole: 4 } });
  });

  it('under a cascade leaves the governments’ own set-up items and roll-ups out of reports on time; their hazards still count', () => {
    const rows = [
      row('active', { counters: counters({ due: 4, onTime: 3 }) }),
      row('active', { kind: 'government', counters: counters({ due: 10, onTime: 0, missed: 10 }), hazards: { found: 1, signedOff: 1 } }),
      row('active', { kind: 'department', counters: counters({ due: 4, onTime: 4 }) }),
    ];
    expect(ledgerRates(rows, cascading)).toEqual({
      reports_on_time_rate: { part: 7, whole: 8 },
      units_inspected_rate: { part: 0, whole: 1 },
      hazards_rectified_rate: { part: 1, whole: 1 },
    });
  });
});

describe('submissionRate', () => {
  it('counts deliverables due so far per unit enrolled before each was due, on time only', () => {
    const submissions = [
      submission('early', 'deliverable:implementation-plan', true),
      submission('early', 'deliverable:self-inspection-report', false),
      submission('joined-later', 'deliverable:self-inspection-report', true),
      submission('joined-later', 'deliverable:summary-report', true), // not due yet
    ];
    // Due: implementation-plan (early only) + self-inspection-report (both) = 3; early's second was late.
    expect(submissionRate('deliverable', template, schedule, units, submissions, now)).toEqual({ part: 2, whole: 3 });
    expect(submissionRate('activity', template, schedule, units, [], now)).toEqual({ part: 0, whole: 0 });
  });

  it('counts an activity report whenever it came, late ones included', () => {
    const withActivity = { ...template, activities: [{ id: 'drill', name: '应急演练', onDay: 10, reportRequired: true }] };
    const late = [submission('early', 'activity:drill', false)];
    // Held on day 10: only `early` was enrolled by then.
    expect(submissionRate('activity', withActivity, schedule, units, late, now)).toEqual({ part: 1, whole: 1 });
  });

  it('under a cascade counts no template deliverable against a county government, which owes set-up items instead', () => {
    const submissions = [
      submission('early', 'deliverable:implementation-plan', true),
      submission('county-gov', 'deliverable:county-plan', true), // its own set-up item: not a template deliverable
    ];
    // Due: implementation-plan (early) + self-inspection-report (early, joined-later) = 3, whatever the county did.
    expect(submissionRate('deliverable', cascading, schedule, [...units, county], submissions, now)).toEqual({ part: 1, whole: 3 });
    // Without the cascade the same government owes the template's deliverables like any unit: 2 more due.
    expect(submissionRate('deliverable', template, schedule, [...units, county], submissions, now)).toEqual({ part: 1, whole: 5 });
  });
});

describe('targetInputs', () => {
  it('reads only the submission kinds the targets measure; one not given is 0 of 0', () => {
    expect(measuredSubmissionKinds(template)).toEqual(['deliverable']);
    const inputs = targetInputs(
      [row('active', { counters: counters({ due: 2, onTime: 1 }) })],
      { template, schedule },
      units,
      { deliverable: [] },
      now,
    );
    expect(inputs).toEqual({
      reports_on_time_rate: { part: 1, whole: 2 },
      units_inspected_rate: { part: 0, whole: 1 },
      hazards_rectified_rate: { part: 0, whole: 0 },
      deliverables_on_time_rate: { part: 0, whole: 3 },
      activities_reported_rate: { part: 0, whole: 0 },
    });
  });
});
