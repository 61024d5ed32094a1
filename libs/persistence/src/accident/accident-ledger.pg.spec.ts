import { beforeAll, describe, expect, it } from 'vitest';
import {
  accidentDecider,
  applyEvents,
  foldAccidentOpening,
  openAccidentFile,
  openAccidentFromTipOff,
  STANDARD_ACCIDENT_POLICY,
  type AccidentCommand,
  type AccidentEvent,
  type AccidentReport,
  type AccidentState,
  type Actor,
} from '@duban/domain';
import { useLedgerDatabase } from '../testing/ledger-database';
import { AccidentLedgerReader } from './accident-ledger-reader';
import { AccidentLedgerWriter } from './accident-ledger-writer';

// The writer under at-least-once delivery: retries and reordering.

const T0 = new Date('2026-08-21T02:00:00.000Z');
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);
const unit: Actor = { id: 'u1', name: '事故企业 王总', role: 'unit', unitId: 'liulin-chem' };
const office: Actor = { id: 'o1', name: '市安委办 李主任', role: 'office' };
const report: AccidentReport = {
  occurredAt: T0.toISOString(),
  regionId: 'jiyuan-lilin',
  location: '污水池',
  unitId: 'liulin-chem',
  industry: '危险化学品',
  sector: 'industry_trade',
  kind: 'poisoning_asphyxiation',
  casualties: { deaths: 3, missing: 0, seriousInjuries: 0, directLossYuan: 12_000_000 },
  livesEndangered: 3,
  account: '中毒窒息',
  reporter: '王总',
  reportedAt: hours(0.5).toISOString(),
};

interface Snapshot {
  events: AccidentEvent[];
  state: AccidentState;
}

function opened(accidentId: string): Snapshot {
  return foldAccidentOpening(openAccidentFile(accidentId, report, unit, STANDARD_ACCIDENT_POLICY, hours(0.5)));
}

function act(before: Snapshot, command: AccidentCommand, at: Date): Snapshot {
  return applyEvents(accidentDecider, before.state, accidentDecider.decide(before.state, command, at));
}

describe('accident ledger writes on PostgreSQL', () => {
  const db = useLedgerDatabase('accident_writes');
  let writer: AccidentLedgerWriter;
  beforeAll(() => {
    writer = new AccidentLedgerWriter(db.dataSource);
  });
  const row = async (id: string) => (await db.dataSource.query('SELECT * FROM accident_ledger WHERE accident_id = $1', [id]))[0];
  const seqs = async (id: string) =>
    (await db.dataSource.query('SELECT seq FROM accident_event WHERE accident_id = $1 ORDER BY seq', [id])).map((r: { seq: number }) => r.seq);

  it('records a retried batch once, and a superset adds only the new events', async () => {
    const first = opened('A-retry');
    await writer.record(first);
    await writer.record(first);
    const investigating = act(first, { type: 'open_investigation', actor: office, leader: '张组长', members: ['刘'] }, hours(12));
    await writer.record({ events: [...first.events, ...investigating.events], state: investigating.state });
    expect(await seqs('A-retry')).toEqual([1, 2]);
    expect(await row('A-retry')).toMatchObject({
      grade: 'larger',
      direct_loss_yuan: '12000000',
      investigation_status: 'investigating',
      investigation_level: 'city',
      open_gates: 4,
      version: 2,
    });
  });

  it('keeps the newer snapshot when an older one arrives late, and refuses another accident’s events before writing anything', async () => {
    const first = opened('A-order');
    const investigating = act(first, { type: 'open_investigation', actor: office, leader: '张组长', members: ['刘'] }, hours(12));
    await writer.record(investigating);
    await writer.record(first);
    expect(await row('A-order')).toMatchObject({ version: 2, investigation_status: 'investigating' });
    expect(await seqs('A-order')).toEqual([1, 2]);

    const other = opened('A-other');
    await expect(writer.record({ events: other.events, state: first.state })).rejects.toThrow('belongs to accident A-other, not A-order');
    expect(await row('A-other')).toBeUndefined();
  });

  it('lists by unit, region, grade, investigation and concealment, newest first, and reads one back with its audit trail', async () => {
    const reader = new AccidentLedgerReader(db.dataSource);
    const general = foldAccidentOpening(
      openAccidentFile(
        'L-general',
        { ...report, casualties: { deaths: 1, missing: 0, seriousInjuries: 0, directLossYuan: 0 } },
        unit,
        STANDARD_ACCIDENT_POLICY,
        hours(0.5),
      ),
    );
    const investigating = act(opened('L-larger'), { type: 'open_investigation', actor: office, leader: '张组长', members: ['刘'] }, hours(12));
    const concealed = foldAccidentOpening(
      openAccidentFromTipOff(
        'L-concealed',
        { ...report, regionId: 'jiyuan-kelong', occurredAt: hours(-48).toISOString(), reportedAt: hours(-47).toISOString() },
        {
          tipOffId: 'tip-1',
          channel: 'hotline',
          informant: '匿名',
          receivedAt: hours(1).toISOString(),
          account: '某厂死亡3人未报',
          regionId: 'jiyuan-kelong',
          unitId: 'liulin-chem',
        },
        {
          verified: true,
          findings: '核实死亡3人, 企业未报告',
          casualties: report.casualties,
          responsiblePeople: ['王某'],
          verifiedBy: '市应急局',
          verifiedAt: hours(2).toISOString(),
        },
        office,
        STANDARD_ACCIDENT_POLICY,
        hours(3),
      ),
    );
    for (const snapshot of [general, investigating, concealed]) await writer.record(snapshot);
    const ids = async (filter: Parameters<AccidentLedgerReader['list']>[0]) =>
      (await reader.list(filter)).items.map((r) => r.accidentId).filter((id) => id.startsWith('L-'));

    expect(await ids({ unitId: 'liulin-chem' })).toEqual(['L-general', 'L-larger', 'L-concealed']);
    expect(await ids({ grade: 'larger' })).toEqual(['L-larger', 'L-concealed']);
    expect(await ids({ investigationStatus: 'none' })).toEqual(['L-general', 'L-concealed']);
    expect(await ids({ investigationStatus: 'investigating' })).toEqual(['L-larger']);
    expect(await ids({ concealed: true })).toEqual(['L-concealed']);
    expect(await ids({ concealed: false })).toEqual(['L-general', 'L-larger']);
    expect(await ids({ regionId: 'jiyuan-kelong' })).toEqual(['L-concealed']);
    expect(await ids({ occurredBefore: hours(0).toISOString() })).toEqual(['L-concealed']);

    expect(await reader.get('L-concealed')).toMatchObject({
      openedFrom: 'tip_off',
      concealmentFlags: 1,
      casualties: { deaths: 3, directLossYuan: 12_000_000 },
    });
    expect(await reader.unitOf('L-larger')).toBe('liulin-chem');
    expect((await reader.snapshot('L-larger'))?.investigation?.level).toBe('city');
    const trail = await reader.events('L-concealed', { limit: 2 });
    expect(trail.items.map((e) => [e.seq, e.type, e.actor.id])).toEqual([
      [1, 'reported', 'o1'],
      [2, 'tip_off_recorded', 'o1'],
    ]);
    expect(trail.next).toBe(2);
  });

  it('lists by industry, open gates, listing (挂牌督办) and the reader’s bounds', async () => {
    const reader = new AccidentLedgerReader(db.dataSource);
    const building = foldAccidentOpening(
      openAccidentFile(
        'F-building',
        { ...report, unitId: 'f-build', industry: '建筑施工' },
        { ...unit, unitId: 'f-build' },
        STANDARD_ACCIDENT_POLICY,
        hours(0.5),
      ),
    );
    const investigating = act(opened('F-open'), { type: 'open_investigation', actor: office, leader: '张组长', members: ['刘'] }, hours(12));
    const listed = act(
      act(opened('F-listed'), { type: 'open_investigation', actor: office, leader: '张组长', members: ['刘'] }, hours(12)),
      { type: 'list_for_supervision', actor: office, committeeLevel: 'province', orderRef: '省安委办〔2026〕1号', reason: '省级挂牌督办' },
      hours(13),
    );
    for (const snapshot of [building, investigating, listed]) await writer.record(snapshot);
    const ids = async (filter: Parameters<AccidentLedgerReader['list']>[0]) =>
      (await reader.list(filter)).items.map((r) => r.accidentId).filter((id) => id.startsWith('F-'));

    expect(await ids({ industry: '建筑施工' })).toEqual(['F-building']);
    expect(await ids({ openGates: true })).toEqual(['F-listed', 'F-open']);
    expect(await ids({ openGates: false })).toEqual(['F-building']);
    expect(await ids({ listed: true })).toEqual(['F-listed']);
    expect(await ids({ listed: false })).toEqual(['F-building', 'F-open']);
    expect(await ids({ bounds: { unitId: 'f-build' } })).toEqual(['F-building']);
    expect((await reader.get('F-listed'))?.listedByLevel).toBe('province');
  });
});
