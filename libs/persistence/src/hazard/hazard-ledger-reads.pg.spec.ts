import { beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_HAZARD_POLICY, type HazardReport } from '@duban/domain';
import { act, INSPECTOR, joined, OFFICE, reportHazard, submitPlan, timers, unitActor, type Hazard } from '../testing/hazard-fixtures';
import { useLedgerDatabase } from '../testing/ledger-database';
import { HazardLedgerReader } from './hazard-ledger-reader';
import { HazardLedgerWriter } from './hazard-ledger-writer';

// The read side over a populated ledger: lists, rows, the audit trail, escalations, summaries.

const T0 = new Date('2026-03-02T01:00:00.000Z');
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);
const report = (hazardId: string, over: Partial<HazardReport>, reporter = OFFICE): Hazard =>
  reportHazard(hazardId, { deadline: days(30).toISOString(), ...over }, T0, reporter);

describe('hazard ledger reads on PostgreSQL', () => {
  const db = useLedgerDatabase('hazard_reads');
  let writer: HazardLedgerWriter;
  let reader: HazardLedgerReader;
  // H-retry: unit-a, major (listed at once), rectifying, deadline +30d
  // H-order: unit-b, general, signed off on day 3, deadline +30d
  // C-1: unit-c, general, awaiting plan, campaign c-2026, deadline +20d
  // C-2: unit-c, major, rectifying, overdue and escalated, later extended
  // D-1: unit-d, major, rectifying under monitoring, campaign c-2026
  // D-2: unit-d, general, signed off after being overdue
  let overdueMajor: Hazard;

  beforeAll(async () => {
    writer = new HazardLedgerWriter(db.dataSource);
    reader = new HazardLedgerReader(db.dataSource);

    const retried = report('H-retry', { grade: 'major' });
    await writer.record(joined(retried, submitPlan(retried, days(1))));
    const opened = report('H-order', { unitId: 'unit-b' });
    const claimed = joined(opened, act(opened, { type: 'claim_completion', actor: unitActor('unit-b'), summary: '已现场整改' }, days(2)));
    await writer.record(joined(claimed, act(claimed, { type: 'verify', actor: INSPECTOR, decision: 'accept', comment: '验收合格' }, days(3))));

    const a = report('C-1', { unitId: 'unit-c', campaignId: 'c-2026', source: 'campaign', deadline: days(20).toISOString() });
    await writer.record(a);

    const b0 = report('C-2', { unitId: 'unit-c', grade: 'major', industry: '危险化学品', deadline: days(10).toISOString() });
    const b1 = submitPlan(b0, days(1));
    const b2 = timers(b1, days(26)); // 16 days late: overdue, reminder, notice, summons (listed already)
    overdueMajor = { state: b2.state, events: [...b0.events, ...b1.events, ...b2.events] };
    await writer.record(overdueMajor);

    const c0 = report('D-1', { unitId: 'unit-d', grade: 'major', campaignId: 'c-2026', deadline: days(60).toISOString() }, unitActor('unit-d'));
    const c1 = submitPlan(c0, days(1));
    const c2 = act(c1, { type: 'start_monitoring', actor: unitActor('unit-d'), measures: '每日巡查', watchPerson: '钱工' }, days(2));
    await writer.record({ events: [...c0.events, ...c1.events, ...c2.events], state: c2.state });

    const d0 = report('D-2', { unitId: 'unit-d', deadline: days(5).toISOString() });
    const d1 = timers(d0, days(6)); // overdue + reminder + notice
    const d2 = act(d1, { type: 'claim_completion', actor: unitActor('unit-d'), summary: '已整改' }, days(7));
    const d3 = act(d2, { type: 'verify', actor: OFFICE, decision: 'accept', comment: '同意销号' }, days(8));
    await writer.record({ events: [...d0.events, ...d1.events, ...d2.events, ...d3.events], state: d3.state });
  });

  const ids = (items: { hazardId: string }[]) => items.map((i) => i.hazardId);

  it('list filters return the right rows and totals, ordered by deadline', async () => {
    const all = await reader.list({});
    expect(all.total).toBe(6);
    expect(ids(all.items)).toEqual(['D-2', 'C-2', 'C-1', 'H-order', 'H-retry', 'D-1']);

    expect(ids((await reader.list({ unitId: 'unit-c' })).items)).toEqual(['C-2', 'C-1']);
    expect(await reader.list({ unitId: 'unit-d', grade: 'major' })).toMatchObject({ total: 1, items: [{ hazardId: 'D-1', underMonitoring: true }] });
    expect(ids((await reader.list({ status: 'signed_off' })).items)).toEqual(['D-2', 'H-order']);
    expect(ids((await reader.list({ overdue: true })).items)).toEqual(['D-2', 'C-2']);
    expect((await reader.list({ overdue: false })).total).toBe(4);
    expect(ids((await reader.list({ listedForSupervision: true })).items)).toEqual(['C-2', 'H-retry', 'D-1']);
    expect(ids((await reader.list({ campaignId: 'c-2026' })).items)).toEqual(['C-1', 'D-1']);
    expect(ids((await reader.list({ industry: '危险化学品' })).items)).toEqual(['C-2']);
    expect(await reader.list({ unitId: 'nobody' })).toEqual({ items: [], total: 0 });

    const page = await reader.list({ limit: 2, offset: 1 });
    expect(page.total).toBe(6);
    expect(ids(page.items)).toEqual(['C-2', 'C-1']);
    expect((await reader.list({ limit: 10_000 })).items).toHaveLength(6); // clamped to 500, not an error
    expect(await reader.list({ offset: 100 })).toEqual({ items: [], total: 6 });
  });

  it('by ids: the rows of the hazards named, unknown ids absent', async () => {
    const rows = await reader.byIds(['D-2', 'nobody', 'H-order', 'D-2']);
    expect(ids(rows).sort()).toEqual(['D-2', 'H-order']);
    expect(rows.find((r) => r.hazardId === 'D-2')).toEqual(await reader.get('D-2'));
    expect(await reader.byIds([])).toEqual([]);
  });

  it('rows are plain camelCase projections of the state', async () => {
    const row = await reader.get('C-2');
    expect(row).toEqual({
      hazardId: 'C-2',
      workflowId: 'hazard-C-2',
      title: '隐患 C-2',
      description: '脚手架连墙件缺失',
      location: '3号楼',
      industry: '危险化学品',
      unitId: 'unit-c',
      grade: 'major',
      source: 'inspection',
      finder: '张三',
      status: 'rectifying',
      deadline: days(10).toISOString(),
      originalDeadline: days(10).toISOString(),
      reportedAt: T0.toISOString(),
      reportedBy: { id: 'office-1', name: '王主任', role: 'office' },
      campaignId: null,
      overdue: true,
      listedForSupervision: true,
      // Listed on report by the policy: at county level, no committee or tracker named yet.
      listingLevel: 'county',
      listingRegionId: null,
      listingTracker: null,
      listedAt: T0.toISOString(),
      delistedAt: null,
      underMonitoring: false,
      extensionsGranted: 0,
      rejectionCount: 0,
      lastEscalationInstrument: 'summons',
      lastEscalatedAt: days(26).toISOString(),
      signedOffAt: null,
      policyId: STANDARD_HAZARD_POLICY.id,
      version: overdueMajor.state.lastSeq,
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(await reader.get('nope')).toBeUndefined();
    expect(await reader.unitOf('C-2')).toBe('unit-c');
    expect(await reader.unitOf('nope')).toBeUndefined();
  });

  it('an approved extension moves the deadline but keeps the original one', async () => {
    const asked = act(
      overdueMajor,
      { type: 'request_extension', actor: unitActor('unit-c'), requestedDeadline: days(40).toISOString(), reason: '设备到货延迟' },
      days(27),
    );
    const approved = act(asked, { type: 'decide_extension', actor: OFFICE, approve: true, reason: '同意延期' }, days(28));
    await writer.record({ events: [...asked.events, ...approved.events], state: approved.state });
    expect(await reader.get('C-2')).toMatchObject({
      deadline: days(40).toISOString(),
      originalDeadline: days(10).toISOString(),
      overdue: false,
      extensionsGranted: 1,
    });
    // Later tests read the extended state.
    overdueMajor = { state: approved.state, events: [...overdueMajor.events, ...asked.events, ...approved.events] };
  });

  it('events come back in seq order with actor and reason', async () => {
    const { items: events, next } = await reader.events('C-2');
    expect(next).toBeNull();
    expect(events.map((e) => e.seq)).toEqual(overdueMajor.events.map((e) => e.seq));
    expect(events.map((e) => e.type)).toEqual([
      'reported',
      'escalated', // listed on report (major)
      'plan_submitted',
      'overdue',
      'escalated', // reminder
      'escalated', // notice
      'escalated', // summons
      'extension_requested',
      'extension_approved',
    ]);
    expect(events[0]).toEqual({
      seq: 1,
      type: 'reported',
      at: T0.toISOString(),
      actor: { id: 'office-1', name: '王主任', role: 'office' }, // no unitId key when there is none
      reason: '隐患 C-2 (inspection)',
      data: overdueMajor.events[0]!.data,
    });
    expect(events[2]).toMatchObject({ type: 'plan_submitted', actor: unitActor('unit-c'), at: days(1).toISOString() });
    expect(events[3]).toMatchObject({ type: 'overdue', actor: { id: 'duban', role: 'system' }, reason: expect.stringContaining('逾期未整改') });
    expect(events[7]).toMatchObject({ type: 'extension_requested', reason: '设备到货延迟', data: { requestedDeadline: days(40).toISOString() } });
    expect(await reader.events('nope')).toEqual({ items: [], next: null });
  });

  it('escalations: newest first, by the hazard unit, since an instant', async () => {
    const all = await reader.escalations({});
    expect(all.every((e) => e.type === 'escalated')).toBe(true);
    const times = all.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());

    const unitC = await reader.escalations({ unitId: 'unit-c' });
    expect(unitC.map((e) => [e.hazardId, e.data.instrument])).toEqual([
      // same instant: hazard then seq descending
      ['C-2', 'summons'],
      ['C-2', 'notice'],
      ['C-2', 'reminder'],
      ['C-2', 'listed_supervision'],
    ]);
    expect(unitC[0]).toMatchObject({
      actor: { id: 'duban', role: 'system' },
      data: { stepId: 'summons-when-15-days-overdue', deadline: days(10).toISOString() },
    });

    const recent = await reader.escalations({ since: days(6) });
    expect(recent.map((e) => [e.hazardId, e.at])).toEqual([
      ['C-2', days(26).toISOString()],
      ['C-2', days(26).toISOString()],
      ['C-2', days(26).toISOString()],
      ['D-2', days(6).toISOString()],
      ['D-2', days(6).toISOString()],
    ]);
    expect(await reader.escalations({ unitId: 'unit-d', since: days(7) })).toEqual([]);
    expect(await reader.escalations({ limit: 2 })).toHaveLength(2);
  });

  it('summary counts by status and grade, overdue, listed, monitored', async () => {
    expect(await reader.summary({})).toEqual({
      total: 6,
      byStatus: { awaiting_plan: 1, rectifying: 3, awaiting_verification: 0, signed_off: 2 },
      byGrade: { general: 3, major: 3 },
      overdue: 1, // C-2 was extended (no longer overdue); D-2 keeps its flag after sign-off
      overdueOpen: 0,
      listedForSupervision: 3,
      byListingLevel: { county: 3, city: 0, province: 0 },
      delisted: 0,
      underMonitoring: 1,
    });
    expect(await reader.summary({ unitId: 'unit-d' })).toMatchObject({
      total: 2,
      byStatus: { rectifying: 1, signed_off: 1 },
      overdue: 1,
      overdueOpen: 0,
      underMonitoring: 1,
    });
    expect(await reader.summary({ campaignId: 'c-2026' })).toMatchObject({ total: 2, byGrade: { general: 1, major: 1 }, listedForSupervision: 1 });
    expect(await reader.summary({ unitId: 'nobody' })).toMatchObject({ total: 0, byStatus: { awaiting_plan: 0 }, overdue: 0 });
  });
});
