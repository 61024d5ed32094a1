import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../actor';
import { STANDARD_HAZARD_POLICY } from '../hazard/hazard-policy';
import { DeciderSpecification } from '../testing/decider-specification';
import {
  afterStart,
  auditorChen,
  CAMPAIGN_START,
  eastWorks,
  inspectorZhang,
  officeLi,
  reporterOf,
  TWO_PHASE_TEMPLATE,
  westChem,
} from '../testing/campaign-fixtures';
import { buildCampaignSchedule } from './build-campaign-schedule';
import { enrolUnitEvents, type UnitContext } from './decide-unit';
import type { FindingReport, UnitCommand } from './unit-commands';
import { unitDecider } from './unit-decider';
import type { NewUnitEvent } from './unit-obligations-events';

const ctx: UnitContext = {
  template: TWO_PHASE_TEMPLATE,
  schedule: buildCampaignSchedule(TWO_PHASE_TEMPLATE, CAMPAIGN_START, {}),
  hazardPolicy: STANDARD_HAZARD_POLICY,
};
const reporter = reporterOf(eastWorks);
const TODAY = 'report:daily:2026-03-02';
const TODAY_DUE = '2026-03-02T09:00:00.000Z';

/** Given unit 东城建设 enrolled at `at` (the campaign's start unless said), deciding two hours in. */
function enrolled(at = CAMPAIGN_START, ...later: NewUnitEvent[]) {
  return DeciderSpecification.for(unitDecider, { start: ['camp-spec', eastWorks, at.toISOString(), false], context: ctx, now: afterStart(2) }).given([
    ...enrolUnitEvents(eastWorks, officeLi, at, 'enrolled in campaign camp-spec'),
    ...later,
  ]);
}

const base = (at: Date) => ({ at: at.toISOString(), actor: SYSTEM_ACTOR, reason: 'spec' });
const missedToday: NewUnitEvent = { ...base(afterStart(8)), type: 'obligation_missed', data: { obligationId: TODAY, dueAt: TODAY_DUE } };
const submit = (fields: Partial<Extract<UnitCommand, { type: 'submit_report' }>> = {}): UnitCommand => ({
  type: 'submit_report',
  actor: reporter,
  obligationId: TODAY,
  zero: false,
  content: '今日排查3处, 整改2处',
  ...fields,
});

describe('submit_report (一日一报 / 零报告)', () => {
  it('records a report filed before its cut-off as on time, with the counts given', () => {
    enrolled()
      .when(submit({ hazardsFound: 3, hazardsRectified: 2 }))
      .then([
        {
          type: 'report_submitted',
          actor: reporter,
          at: afterStart(2).toISOString(),
          data: { obligationId: TODAY, onTime: true, zero: false, content: '今日排查3处, 整改2处', hazardsFound: 3, hazardsRectified: 2 },
          reason: '一日一报',
        },
      ]);
    enrolled()
      .when(submit())
      .thenState({
        submissions: { [TODAY]: { onTime: true, zero: false, by: reporter } },
        counters: { due: 1, onTime: 1, late: 0, zeroReports: 0 },
        lastSeq: 2,
      });
  });

  it('accepts a zero report (零报告) where allowed, with its stock content', () => {
    enrolled()
      .when(submit({ zero: true, content: '' }))
      .then([{ data: { zero: true, content: '零报告 (nothing to report)' }, reason: '一日一报 零报告' }]);
    enrolled()
      .when(submit({ zero: true, content: '' }))
      .thenState({ counters: { zeroReports: 1, onTime: 1 } });
  });

  it('takes a late report for a missed obligation, counting it due once and late once', () => {
    enrolled(CAMPAIGN_START, missedToday)
      .when(submit(), afterStart(10))
      .then([{ data: { onTime: false }, reason: `一日一报 (late: due ${TODAY_DUE})` }]);
    enrolled(CAMPAIGN_START, missedToday)
      .when(submit(), afterStart(10))
      .thenState({ missedOpen: [], counters: { due: 1, onTime: 0, late: 1, missed: 1 } });
  });

  it('refuses an unknown, repeated, not yet open or pre-enrolment obligation', () => {
    enrolled()
      .when(submit({ obligationId: 'report:weekly:2026-03-02' }))
      .thenThrows({ kind: 'invalid', field: 'obligationId' });
    enrolled()
      .when(submit())
      .then([{ type: 'report_submitted' }])
      .when(submit(), afterStart(3))
      .thenThrows({ kind: 'conflict', message: 'already reported' });
    enrolled()
      .when(submit({ obligationId: 'report:daily:2026-03-05' }))
      .thenThrows({ kind: 'conflict', message: 'not open yet' });
    enrolled(afterStart(24))
      .when(submit(), afterStart(25))
      .thenThrows({ kind: 'conflict', message: /fell due before unit u-east joined/ });
  });

  it('refuses a malformed report naming the field', () => {
    enrolled()
      .when(submit({ zero: 'no' as never }))
      .thenThrows({ kind: 'invalid', field: 'zero' });
    enrolled()
      .when(submit({ obligationId: 'deliverable:self-check-report', zero: true }), afterStart(90))
      .thenThrows({ kind: 'invalid', field: 'zero', message: '自查报告 does not allow a zero report' });
    enrolled()
      .when(submit({ content: '' }))
      .thenThrows({ kind: 'invalid', field: 'content' });
    enrolled()
      .when(submit({ hazardsFound: -1 }))
      .thenThrows({ kind: 'invalid', field: 'hazardsFound' });
    enrolled()
      .when(submit({ hazardsRectified: 1.5 }))
      .thenThrows({ kind: 'invalid', field: 'hazardsRectified' });
  });

  it('takes reports only from the unit itself', () => {
    enrolled()
      .when(submit({ actor: reporterOf(westChem) }))
      .thenThrows({ kind: 'forbidden' });
    enrolled()
      .when(submit({ actor: officeLi }))
      .thenThrows({ kind: 'forbidden' });
  });
});

describe('record_inspection (检查记录)', () => {
  const inspect = (fields: Partial<Extract<UnitCommand, { type: 'record_inspection' }>> = {}): UnitCommand => ({
    type: 'record_inspection',
    actor: inspectorZhang,
    tierId: 'county',
    checkItemIds: ['fire-exits'],
    note: '安全出口畅通, 动火审批齐全',
    ...fields,
  });

  it('records an inspection on the template’s tiers and check items', () => {
    enrolled()
      .when(inspect())
      .then([
        {
          type: 'inspection_recorded',
          actor: inspectorZhang,
          data: { tierId: 'county', checkItemIds: ['fire-exits'], note: '安全出口畅通, 动火审批齐全' },
          reason: '安全出口畅通, 动火审批齐全',
        },
      ])
      .when(inspect({ actor: reporter, tierId: 'self', checkItemIds: [] }))
      .thenState({ counters: { inspections: 2 } });
  });

  it('refuses an unknown tier or check item, a missing note, and the auditor', () => {
    enrolled()
      .when(inspect({ tierId: 'province' }))
      .thenThrows({ kind: 'invalid', field: 'tierId' });
    enrolled()
      .when(inspect({ checkItemIds: 'fire-exits' as never }))
      .thenThrows({ kind: 'invalid', field: 'checkItemIds' });
    enrolled()
      .when(inspect({ checkItemIds: ['fire-exits', 'ladders'] }))
      .thenThrows({ kind: 'invalid', field: 'checkItemIds', message: '"ladders"' });
    enrolled()
      .when(inspect({ note: ' ' }))
      .thenThrows({ kind: 'invalid', field: 'note' });
    enrolled()
      .when(inspect({ actor: auditorChen }))
      .thenThrows({ kind: 'forbidden' });
    enrolled()
      .when(inspect({ actor: reporterOf(westChem) }))
      .thenThrows({ kind: 'forbidden' });
  });
});

describe('record_finding (发现隐患)', () => {
  const finding: FindingReport = {
    title: '配电箱无漏电保护',
    description: '2号楼临时配电箱未装漏电保护器',
    location: '城南项目2号楼',
    industry: '建筑施工',
    grade: 'general',
    finder: '张工',
    deadline: afterStart(7 * 24).toISOString(),
  };
  const find = (report: Partial<FindingReport> = {}, actor = inspectorZhang): UnitCommand => ({
    type: 'record_finding',
    actor,
    hazardId: 'hz-1',
    report: { ...finding, ...report, unitId: eastWorks.unitId, source: 'campaign' },
  });

  it('records the finding with the hazard it became', () => {
    enrolled()
      .when(find())
      .then([
        {
          type: 'finding_recorded',
          actor: inspectorZhang,
          data: { hazardId: 'hz-1', title: '配电箱无漏电保护', grade: 'general' },
          reason: '配电箱无漏电保护 → hazard hz-1',
        },
      ]);
    enrolled()
      .when(find())
      .thenState({ hazardIds: ['hz-1'], counters: { findings: 1 } });
  });

  it('refuses a finding whose report would be refused as a hazard, or from another unit', () => {
    enrolled()
      .when(find({ grade: 'severe' as never }))
      .thenThrows({ kind: 'invalid', field: 'grade' });
    enrolled()
      .when(find({ deadline: afterStart(-1).toISOString() }))
      .thenThrows({ kind: 'invalid', field: 'deadline' });
    enrolled()
      .when(find({ title: '' }))
      .thenThrows({ kind: 'invalid', field: 'title' });
    enrolled()
      .when(find({}, reporterOf(westChem)))
      .thenThrows({ kind: 'forbidden' });
  });
});

describe('the unit’s standing in the campaign (evolveUnit)', () => {
  const control = (type: 'paused' | 'resumed' | 'removed' | 'closed', at: Date): NewUnitEvent => ({ ...base(at), actor: officeLi, type, data: {} });

  it('owes nothing for the time it was paused: resuming moves its settled mark', () => {
    const paused = enrolled(CAMPAIGN_START, control('paused', afterStart(1)));
    expect(paused.state.status).toBe('paused');
    expect(paused.and([control('resumed', afterStart(30))]).state).toMatchObject({
      status: 'active',
      settledUntil: afterStart(30).toISOString(),
      lastSeq: 3,
    });
  });

  it('counts a miss and keeps it open for a late report; records each escalation rung', () => {
    const escalated: NewUnitEvent = { ...base(afterStart(8)), type: 'escalated', data: { stepId: 'remind', instrument: 'reminder', missedCount: 1 } };
    expect(enrolled(CAMPAIGN_START, missedToday, escalated).state).toMatchObject({
      missedOpen: [TODAY],
      counters: { due: 1, missed: 1 },
      escalations: [{ stepId: 'remind', instrument: 'reminder', missedCount: 1, at: afterStart(8).toISOString() }],
    });
  });

  it('refuses every command once the unit is removed from, or closed in, the campaign', () => {
    enrolled(CAMPAIGN_START, control('removed', afterStart(1)))
      .when(submit())
      .thenThrows({ kind: 'conflict', message: 'removed from campaign camp-spec' });
    enrolled(CAMPAIGN_START, control('closed', afterStart(1)))
      .when(submit())
      .thenThrows({ kind: 'conflict', message: 'closed in campaign camp-spec' });
  });
});
