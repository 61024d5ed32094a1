import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyEvents,
  decideEnforcementTimers,
  enforcementDecider,
  foldEnforcementOpening,
  openEnforcementCase,
  STANDARD_ENFORCEMENT_POLICY,
  SYSTEM_ACTOR,
  type Actor,
  type EnforcementCaseFiling,
  type EnforcementCaseState,
  type EnforcementCommand,
  type EnforcementEvent,
  type UnitRecord,
} from '@duban/domain';
import {
  closeCase,
  countyGov,
  daysAfter,
  department,
  fileRectification,
  filing,
  fine,
  inspect,
  inspector,
  LAW,
  mine,
  office,
  OPENED,
  sign,
  suspend,
  town,
} from '../../../domain/src/enforcement/testing/enforcement-fixtures';
import type { RegistryWrite } from '../registry/registry-write';
import { RegistryWriter } from '../registry/registry-writer';
import { change, sampleTree } from '../registry/testing/registry-fixtures';
import { useLedgerDatabase } from '../testing/ledger-database';
import { EnforcementLedgerReader } from './enforcement-ledger-reader';
import { EnforcementLedgerWriter } from './enforcement-ledger-writer';
import type { EnforcementLedgerFilter } from './enforcement-ledger-rows';

// The writer under at-least-once delivery (retries, reordering) over cases folded by the domain's
// decider, and every filter of the reader, 属地/行业 bounds included.

interface Snapshot {
  events: EnforcementEvent[];
  state: EnforcementCaseState;
}

const hours = (n: number) => new Date(OPENED.getTime() + n * 3_600_000);
const openCase = (overrides: Partial<EnforcementCaseFiling>, at = OPENED): Snapshot =>
  foldEnforcementOpening(openEnforcementCase(filing(overrides), office, STANDARD_ENFORCEMENT_POLICY, at));
const act = (before: Snapshot, command: EnforcementCommand, at: Date): Snapshot =>
  applyEvents(enforcementDecider, before.state, enforcementDecider.decide(before.state, command, at));
/** Several steps in turn, as one write would carry them: every new event and the last state. */
function steps(start: Snapshot, ...moves: Array<[EnforcementCommand, Date]>): Snapshot {
  let last = { events: [] as EnforcementEvent[], state: start.state };
  for (const [command, at] of moves) {
    const next = act(last, command, at);
    last = { events: [...last.events, ...next.events], state: next.state };
  }
  return last;
}
const closeDown: EnforcementCommand = { type: 'impose_closure', actor: office, reason: '经停产整顿仍未达到安全生产条件', legalBasis: LAW };

const tree = sampleTree('enf');
const coal = { id: 'enf-coal', name: '煤矿', parentId: null };
const countyUnit: UnitRecord = { ...tree.unit, id: 'enf-ent2', name: '乙煤业有限公司', regionId: tree.county.id, industryId: coal.id };
const countyUnitSafety: Actor = { id: 'u9', name: '乙煤业 安全员', role: 'unit', unitId: countyUnit.id };
const put = (kind: RegistryWrite['kind'], record: object) => ({ kind, op: 'put', record }) as RegistryWrite;

describe('enforcement ledger (执法台账) on PostgreSQL', () => {
  const db = useLedgerDatabase('enforcement_ledger');
  let writer: EnforcementLedgerWriter;
  let reader: EnforcementLedgerReader;
  beforeAll(async () => {
    writer = new EnforcementLedgerWriter(db.dataSource);
    reader = new EnforcementLedgerReader(db.dataSource);
  });
  const seqs = async (caseId: string) =>
    (await db.dataSource.query('SELECT seq FROM enforcement_event WHERE case_id = $1 ORDER BY seq', [caseId])).map((r: { seq: number }) => r.seq);

  it('records a suspension and fines; a retry writes nothing twice and an older snapshot never overwrites the newer row', async () => {
    const opened = openCase({ caseId: 'E-retry' });
    const suspended = act(opened, suspend(), daysAfter(1));
    const fined = steps(suspended, [fine('r-company'), daysAfter(1)], [fine('r-legal'), daysAfter(2)]);
    await writer.record(opened);
    await writer.record(opened);
    await writer.record({ events: [...suspended.events, ...fined.events], state: fined.state });
    // The retried, older writes arrive last.
    await writer.record({ events: [...opened.events, ...suspended.events, ...fined.events], state: fined.state });
    await writer.record(suspended);
    await writer.record(opened);

    expect(await seqs('E-retry')).toEqual([1, 2, 3, 4]);
    expect(await reader.get('E-retry')).toEqual({
      caseId: 'E-retry',
      workflowId: 'enforcement-case-E-retry',
      unitId: 'coal-mine-7',
      regionId: 'county-a',
      industryId: 'coal',
      origin: 'hazard_overdue',
      sourceRef: 'hz-41',
      status: 'open',
      suspensionStatus: 'suspended',
      suspended: true,
      suspendedAt: daysAfter(1).toISOString(),
      resumedAt: null,
      fineTotalYuan: 4_000_000,
      referred: false,
      referralOutcome: null,
      closureImposed: false,
      criminal: false,
      respondentCount: 3,
      violationCount: 1,
      openedAt: OPENED.toISOString(),
      openedBy: { id: office.id, name: office.name, role: 'office' },
      closedAt: null,
      nextCheckDue: daysAfter(8).toISOString(),
      missedCheckCount: 0,
      version: 4,
      updatedAt: expect.any(String),
    });
    expect((await reader.snapshot('E-retry'))?.fines.map((f) => f.respondentId)).toEqual(['r-company', 'r-legal']);
  });

  it('follows the suspension through a missed check, resumption signed level by level (层层签字) and 结案, each step with its legal basis', async () => {
    const suspended = act(openCase({ caseId: 'E-trail' }), suspend(), daysAfter(1));
    await writer.record({ events: [...openCase({ caseId: 'E-trail' }).events, ...suspended.events], state: suspended.state });
    const missed = applyEvents(enforcementDecider, suspended.state, decideEnforcementTimers(suspended.state, daysAfter(8)));
    await writer.record(missed);
    expect(await reader.get('E-trail')).toMatchObject({ missedCheckCount: 1, nextCheckDue: daysAfter(15).toISOString(), version: 3 });

    const resumed = steps(
      missed,
      [fileRectification(), daysAfter(9)],
      [inspect(true), daysAfter(10)],
      [sign('town', town), daysAfter(10)],
      [sign('county_department', department), daysAfter(11)],
      [sign('county_government', countyGov), daysAfter(12)],
    );
    const closed = act(resumed, closeCase(), daysAfter(13));
    await writer.record({ events: [...resumed.events, ...closed.events], state: closed.state });
    // A late retry of the step before 结案 changes nothing.
    await writer.record(resumed);

    expect(await reader.get('E-trail')).toMatchObject({
      status: 'closed',
      closedAt: daysAfter(13).toISOString(),
      suspensionStatus: 'resumed',
      suspended: false,
      resumedAt: daysAfter(12).toISOString(),
      nextCheckDue: null,
      missedCheckCount: 1,
      version: 10,
    });
    expect(await reader.unitOf('E-trail')).toBe('coal-mine-7');
    expect((await reader.snapshot('E-trail'))?.suspension?.signatures.map((s) => s.levelId)).toEqual([
      'town',
      'county_department',
      'county_government',
    ]);

    const first = await reader.events('E-trail', { limit: 4 });
    expect(first.items.map((e) => [e.seq, e.type, e.actor.id, e.legalBasis])).toEqual([
      [1, 'opened', office.id, LAW],
      [2, 'suspension_imposed', office.id, LAW],
      [3, 'supervision_check_missed', SYSTEM_ACTOR.id, STANDARD_ENFORCEMENT_POLICY.source],
      [4, 'rectification_filed', mine.id, expect.any(String)],
    ]);
    expect(first.items[1]).toMatchObject({ at: daysAfter(1).toISOString(), reason: '责令停产整顿', data: { respondentId: 'r-company' } });
    expect(first.next).toBe(4);
    const rest = await reader.events('E-trail', { afterSeq: first.next! });
    expect(rest.items.map((e) => e.type)).toEqual([
      'resumption_inspected',
      'resumption_signed',
      'resumption_signed',
      'resumption_signed',
      'resumed',
      'case_closed',
    ]);
    expect(rest.items.every((e) => e.legalBasis.length > 0)).toBe(true);
    expect(rest.next).toBeNull();
    expect(await reader.events('E-none')).toEqual({ items: [], next: null });
    expect(await reader.get('E-none')).toBeUndefined();
    expect(await reader.unitOf('E-none')).toBeUndefined();
  });

  it('refuses events of another case or beyond the snapshot, writing nothing', async () => {
    const a = openCase({ caseId: 'E-a' });
    const b = openCase({ caseId: 'E-b' });
    await expect(writer.record({ events: a.events, state: b.state })).rejects.toThrow(/belongs to case E-a/);
    await expect(writer.record({ events: [{ ...a.events[0]!, seq: 2 }], state: a.state })).rejects.toThrow(/outside 1..1/);
    expect(await db.count(`enforcement_event WHERE case_id IN ('E-a', 'E-b')`)).toBe(0);
    expect(await db.count(`enforcement_case_ledger WHERE case_id IN ('E-a', 'E-b')`)).toBe(0);
  });

  describe('lists', () => {
    beforeAll(async () => {
      await new RegistryWriter(db.dataSource).writeRegistryBatch(
        [
          ...[tree.province, tree.city, tree.county, tree.town].map((r) => put('region', r)),
          put('industry', tree.industry),
          put('industry', coal),
          put('unit', tree.unit),
          put('unit', countyUnit),
        ],
        change(0, '首次登记'),
      );
      const townCase = openCase({ caseId: 'L-suspended', unitId: tree.unit.id, regionId: tree.town.id }, hours(1));
      await writer.record(steps(townCase, [suspend(), hours(1.5)]));
      const referred = openCase(
        { caseId: 'L-referred', unitId: countyUnit.id, regionId: tree.county.id, origin: 'inspection', sourceRef: undefined },
        hours(2),
      );
      await writer.record(
        steps(
          referred,
          [{ type: 'flag_criminal', actor: inspector, reason: '明知存在重大隐患仍冒险组织作业', legalBasis: '《刑法》第一百三十四条' }, hours(2.1)],
          [
            {
              type: 'refer_to_judiciary',
              actor: office,
              respondentIds: ['r-legal'],
              receivingAuthority: '县公安局',
              reason: '移送',
              legalBasis: LAW,
            },
            hours(2.2),
          ],
          [
            { type: 'record_referral_outcome', actor: office, outcome: 'accepted', decisionRef: '县公安局立案决定书 2026-15', reason: '已立案' },
            hours(3),
          ],
        ),
      );
      const covert = openCase(
        { caseId: 'L-closed-down', unitId: countyUnit.id, regionId: tree.county.id, origin: 'covert_inspection', sourceRef: 'ci-3' },
        hours(3),
      );
      await writer.record(
        steps(
          covert,
          [suspend(), hours(3.5)],
          [{ type: 'file_rectification', actor: countyUnitSafety, summary: '整改完成' }, hours(20)],
          [inspect(false), hours(30)],
          [closeDown, hours(40)],
        ),
      );
      const direct = openCase(
        { caseId: 'L-office', unitId: 'enf-unregistered', regionId: 'elsewhere', industryId: 'building', origin: 'office', sourceRef: undefined },
        hours(4),
      );
      await writer.record(steps(direct, [fine(), hours(5)], [closeCase(), hours(6)]));
    });
    const ids = async (filter: EnforcementLedgerFilter) => (await reader.list(filter)).items.map((r) => r.caseId).filter((id) => id.startsWith('L-'));

    it('newest case first, filtered by unit, region, status, origin and suspension status', async () => {
      expect(await ids({})).toEqual(['L-office', 'L-closed-down', 'L-referred', 'L-suspended']);
      expect(await ids({ unitId: countyUnit.id })).toEqual(['L-closed-down', 'L-referred']);
      expect(await ids({ regionId: tree.county.id })).toEqual(['L-closed-down', 'L-referred']);
      expect(await ids({ status: 'closed' })).toEqual(['L-office']);
      expect(await ids({ status: 'open' })).toEqual(['L-closed-down', 'L-referred', 'L-suspended']);
      expect(await ids({ origin: 'covert_inspection' })).toEqual(['L-closed-down']);
      expect(await ids({ suspensionStatus: 'suspended' })).toEqual(['L-suspended']);
      expect(await ids({ suspensionStatus: 'closed' })).toEqual(['L-closed-down']);
      expect(await reader.get('L-closed-down')).toMatchObject({ suspended: false, closureImposed: true, sourceRef: 'ci-3' });
      expect(await reader.get('L-office')).toMatchObject({ fineTotalYuan: 2_000_000, closedAt: hours(6).toISOString(), suspensionStatus: null });
    });

    it('by the measures: referred (and its outcome), criminal, closure imposed — each both ways; measure, 停产中, industry, opened', async () => {
      expect(await ids({ referred: true })).toEqual(['L-referred']);
      expect(await ids({ referred: false })).toEqual(['L-office', 'L-closed-down', 'L-suspended']);
      expect(await ids({ criminal: true })).toEqual(['L-referred']);
      expect(await ids({ criminal: false })).toEqual(['L-office', 'L-closed-down', 'L-suspended']);
      expect(await ids({ closureImposed: true })).toEqual(['L-closed-down']);
      expect(await ids({ closureImposed: false })).toEqual(['L-office', 'L-referred', 'L-suspended']);
      expect(await reader.get('L-referred')).toMatchObject({ referralOutcome: 'accepted', criminal: true, sourceRef: null });
      // The measure decided (四个一律), 停产中, the industry and the opening time.
      expect(await ids({ measure: 'suspension' })).toEqual(['L-closed-down', 'L-suspended']);
      expect(await ids({ measure: 'closure' })).toEqual(['L-closed-down']);
      expect(await ids({ measure: 'maximum_fine' })).toEqual(['L-office']);
      expect(await ids({ measure: 'judicial_referral' })).toEqual(['L-referred']);
      expect(await ids({ suspended: true })).toEqual(['L-suspended']);
      expect(await ids({ industryId: 'building' })).toEqual(['L-office']);
      expect(await ids({ openedFrom: hours(2).toISOString(), openedBefore: hours(4).toISOString() })).toEqual(['L-closed-down', 'L-referred']);
    });

    it('within the reader’s bounds (属地, 行业, own unit), paged with the total', async () => {
      expect(await ids({ bounds: { regionId: tree.county.id } })).toEqual(['L-closed-down', 'L-referred', 'L-suspended']);
      expect(await ids({ bounds: { regionId: tree.town.id } })).toEqual(['L-suspended']);
      expect(await ids({ bounds: { industryId: coal.id } })).toEqual(['L-closed-down', 'L-referred']);
      expect(await ids({ bounds: { unitId: tree.unit.id } })).toEqual(['L-suspended']);
      expect(await ids({ bounds: { regionId: tree.province.id }, criminal: true })).toEqual(['L-referred']);
      const page = await reader.list({ bounds: { regionId: tree.county.id }, limit: 2, offset: 1 });
      expect([page.items.map((r) => r.caseId), page.total]).toEqual([['L-referred', 'L-suspended'], 3]);
    });
  });
});
