import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyEvents,
  covertExposureList,
  covertInspectionDecider,
  decideCovertInspectionTimers,
  foldCovertInspectionOpening,
  planCovertInspection,
  STANDARD_COVERT_INSPECTION_POLICY,
  SYSTEM_ACTOR,
  type Actor,
  type CovertInspectionCommand,
  type CovertInspectionEvent,
  type CovertInspectionPlan,
  type CovertInspectionState,
} from '@duban/domain';
import { useLedgerDatabase } from '../testing/ledger-database';
import { CovertExposurePublications } from './covert-exposure-publications';
import { CovertInspectionLedgerReader } from './covert-inspection-ledger-reader';
import { CovertInspectionLedgerWriter } from './covert-inspection-ledger-writer';

// The writer under at-least-once delivery (retries, reordering) over inspections folded by the
// domain's decider, and the reader's visibility filters (a plan hidden until done).

interface Snapshot {
  events: CovertInspectionEvent[];
  state: CovertInspectionState;
}

const office: Actor = { id: 'o1', name: '市安委办 邓主任', role: 'office' };
const leader: Actor = { id: 'i-lead', name: '暗访组 吴组长', role: 'inspector' };
const member: Actor = { id: 'i-2', name: '暗访组 李', role: 'inspector' };
const countyGov: Actor = { id: 'u-cg', name: '县政府', role: 'unit', unitId: 'county-gov' };
const PLANNED = new Date('2026-07-01T01:00:00Z');
const days = (n: number) => new Date(PLANNED.getTime() + n * 86_400_000);

function plan(inspectionId: string, members = [member]): CovertInspectionPlan {
  return {
    inspectionId,
    title: '汛期安全生产暗访',
    regionId: 'city',
    leader: { accountId: leader.id, name: leader.name },
    members: members.map((m) => ({ accountId: m.id, name: m.name })),
    candidates: Array.from({ length: 8 }, (_, i) => ({ unitId: `ent-${i}`, regionId: i < 4 ? 'town-1' : 'town-2', industryId: 'construction' })),
    seed: `seed-${inspectionId}`,
    stratifyBy: 'region',
    perStratum: 1,
  };
}
const open = (p: CovertInspectionPlan, at = PLANNED): Snapshot =>
  foldCovertInspectionOpening(planCovertInspection(p, office, STANDARD_COVERT_INSPECTION_POLICY, at));
const act = (before: Snapshot, command: CovertInspectionCommand, at: Date): Snapshot =>
  applyEvents(covertInspectionDecider, before.state, covertInspectionDecider.decide(before.state, command, at));

/** Planned, a 重大隐患 found at the first sampled unit and ordered on the spot. */
function ordered(inspectionId: string): Snapshot[] {
  const planned = open(plan(inspectionId));
  const unitId = planned.state.sample.unitIds[0]!;
  const found = act(planned, { type: 'record_finding', actor: member, unitId, grade: 'major', description: '深基坑无支护' }, days(1));
  const order = act(
    found,
    {
      type: 'issue_rectification_order',
      actor: leader,
      unitId,
      findingIds: [`${inspectionId}:f1`],
      instruction: '立即停止作业, 限期支护',
      timeLimit: { amount: 10, unit: 'days' },
      countyGovernmentUnitId: 'county-gov',
      industryDepartmentUnitId: 'county-housing',
    },
    days(1),
  );
  return [planned, found, order];
}

describe('covert-inspection ledger (暗访台账) on PostgreSQL', () => {
  const db = useLedgerDatabase('covert_ledger');
  let writer: CovertInspectionLedgerWriter;
  let reader: CovertInspectionLedgerReader;
  beforeAll(async () => {
    writer = new CovertInspectionLedgerWriter(db.dataSource);
    reader = new CovertInspectionLedgerReader(db.dataSource);
  });
  const seqs = async (id: string) =>
    (await db.dataSource.query('SELECT seq FROM covert_inspection_event WHERE inspection_id = $1 ORDER BY seq', [id])).map(
      (r: { seq: number }) => r.seq,
    );

  it('records plan, finding and order; a retry writes nothing twice and an older snapshot never overwrites the newer row', async () => {
    const [planned, found, order] = ordered('C-retry');
    await writer.record(planned);
    await writer.record(planned);
    await writer.record({ events: [...found.events, ...order.events], state: order.state });
    // The retried, older writes arrive last.
    await writer.record(found);
    await writer.record(planned);

    expect(await seqs('C-retry')).toEqual([1, 2, 3, 4]);
    expect(await reader.get('C-retry')).toEqual({
      inspectionId: 'C-retry',
      workflowId: 'covert-inspection-C-retry',
      title: '汛期安全生产暗访',
      status: 'planned',
      regionId: 'city',
      sampledRegionIds: ['town-1', 'town-2'],
      sampledUnitIds: planned.state.sample.unitIds,
      leader: { accountId: leader.id, name: leader.name },
      teamAccountIds: [leader.id, member.id],
      seed: 'seed-C-retry',
      stratifyBy: 'region',
      candidateCount: 8,
      sampleSize: 2,
      findingCount: 1,
      majorFindingCount: 1,
      orderCount: 1,
      openFeedbackCount: 2,
      overdueFeedbackCount: 0,
      listedMajorHazardCount: 1,
      nextFeedbackDue: order.state.orders[0]!.feedback[0]!.due,
      plannedAt: PLANNED.toISOString(),
      plannedBy: { id: office.id, name: office.name, role: 'office' },
      completedAt: null,
      version: 4,
      updatedAt: expect.any(String),
    });
    expect((await reader.snapshot('C-retry'))?.listed.map((l) => l.findingId)).toEqual(['C-retry:f1']);
  });

  it('follows one acknowledgement, one overdue feedback and the completion; the audit trail pages in order', async () => {
    const [planned, found, order] = ordered('C-trail');
    await writer.record({ events: [...planned.events, ...found.events, ...order.events], state: order.state });
    const acknowledged = act(
      order,
      { type: 'acknowledge_feedback', actor: countyGov, orderId: 'C-trail:o1', recipient: 'county_government', acknowledgedBy: '县政府 值班' },
      days(2),
    );
    const overdue = applyEvents(covertInspectionDecider, acknowledged.state, decideCovertInspectionTimers(acknowledged.state, days(30)));
    const completed = act(overdue, { type: 'complete', actor: leader, summary: '暗访结束, 发现重大隐患 1 项' }, days(30));
    await writer.record({ events: [...acknowledged.events, ...overdue.events, ...completed.events], state: completed.state });

    expect(await reader.get('C-trail')).toMatchObject({
      status: 'completed',
      completedAt: days(30).toISOString(),
      openFeedbackCount: 0,
      overdueFeedbackCount: 1,
      nextFeedbackDue: null,
      version: 7,
    });
    const first = await reader.events('C-trail', { limit: 5 });
    expect(first.items.map((e) => [e.seq, e.type, e.actor.id])).toEqual([
      [1, 'planned', office.id],
      [2, 'finding_recorded', member.id],
      [3, 'rectification_ordered', leader.id],
      [4, 'major_hazard_listed', leader.id],
      [5, 'feedback_acknowledged', countyGov.id],
    ]);
    expect(first.next).toBe(5);
    const rest = await reader.events('C-trail', { afterSeq: 5 });
    expect(rest.items.map((e) => [e.seq, e.type, e.actor.id])).toEqual([
      [6, 'feedback_overdue', SYSTEM_ACTOR.id],
      [7, 'completed', leader.id],
    ]);
    expect(rest.next).toBeNull();
    expect((await reader.completedSnapshots(days(29), days(31))).map((s) => s.inspectionId)).toEqual(['C-trail']);
    expect(await reader.completedSnapshots(days(31), days(40))).toEqual([]);
  });

  it('lists a plan only to its team until done, and to a unit only the completed inspections it was sampled in', async () => {
    const hidden = open(plan('C-hidden', []), days(3));
    await writer.record(hidden);
    const ids = async (filter: Parameters<CovertInspectionLedgerReader['list']>[0]) => (await reader.list(filter)).items.map((r) => r.inspectionId);

    expect(await ids({})).toEqual(['C-hidden', 'C-retry', 'C-trail']);
    expect(await ids({ planVisibleToAccountId: member.id })).toEqual(['C-retry', 'C-trail']);
    expect(await ids({ planVisibleToAccountId: leader.id })).toEqual(['C-hidden', 'C-retry', 'C-trail']);
    expect(await ids({ completedOnly: true })).toEqual(['C-trail']);
    const sampledInTrail = (await reader.get('C-trail'))!.sampledUnitIds[0]!;
    expect(await ids({ completedOnly: true, sampledUnitId: sampledInTrail })).toEqual(['C-trail']);
    expect(await ids({ completedOnly: true, sampledUnitId: 'ent-nowhere' })).toEqual([]);
    expect(await reader.list({ status: 'planned', limit: 1 })).toMatchObject({ total: 2, items: [{ inspectionId: 'C-hidden' }] });
  });

  it('publishes a period’s exposure list (暗访曝光) once: a retried publication answers the first, with its actor, time and reason', async () => {
    const publications = new CovertExposurePublications(db.dataSource);
    const list = covertExposureList(await reader.completedSnapshots(days(0), days(40)), { from: '2026-07-01', to: '2026-07-31' }, days(31));
    expect(list.total).toBe(1);
    const first = await publications.publish({ list, actor: office, reason: '7月暗访情况通报', at: days(31) });
    const retry = await publications.publish({ list, actor: office, reason: '重复提交', at: days(32) });
    expect(first.created).toBe(true);
    expect(retry).toEqual({ created: false, publication: first.publication });
    expect(first.publication).toMatchObject({
      publicationKey: '2026-07-01..2026-07-31|*|*',
      total: 1,
      publishedAt: days(31).toISOString(),
      publishedBy: { id: office.id, role: 'office' },
      reason: '7月暗访情况通报',
      list: { groups: [{ regionId: expect.any(String), items: [{ inspectionId: 'C-trail', hazardId: null, status: 'untracked' }] }] },
    });
    expect(await db.count('covert_exposure_publication')).toBe(1);
  });
});
