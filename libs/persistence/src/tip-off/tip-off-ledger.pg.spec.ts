import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyEvents,
  foldTipOffOpening,
  openTipOffFile,
  SYSTEM_ACTOR,
  tipOffDecider,
  type Actor,
  type TipOff,
  type TipOffCommand,
  type TipOffEvent,
  type TipOffState,
  type TipOffVerification,
} from '@duban/domain';
import type { RegistryWrite } from '../registry/registry-write';
import { RegistryWriter } from '../registry/registry-writer';
import { change, sampleTree } from '../registry/testing/registry-fixtures';
import { useLedgerDatabase } from '../testing/ledger-database';
import { TipOffLedgerReader } from './tip-off-ledger-reader';
import { TipOffLedgerWriter } from './tip-off-ledger-writer';

// The writer under at-least-once delivery (retries, reordering), and the reader's filters and 属地 bounds.

const T0 = new Date('2026-12-28T01:00:00.000Z');
const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);
const office: Actor = { id: 'o1', name: '市安委办 核查员', role: 'office' };
const tree = sampleTree('tip');
const tip = (tipOffId: string, regionId = tree.town.id, receivedAt = T0): TipOff => ({
  tipOffId,
  channel: 'online',
  informant: '匿名',
  receivedAt: receivedAt.toISOString(),
  account: '隧道施工事故多人死亡未上报',
  regionId,
  unitId: tree.unit.id,
});
const verification: TipOffVerification = {
  verified: true,
  findings: '经核实, 8人死亡, 事故单位未报告',
  casualties: { deaths: 8, missing: 0, seriousInjuries: 0, directLossYuan: 0 },
  responsiblePeople: ['项目经理 甲'],
  verifiedBy: '核查组',
  verifiedAt: hours(9).toISOString(),
};

interface Snapshot {
  events: TipOffEvent[];
  state: TipOffState;
}

const received = (t: TipOff): Snapshot => foldTipOffOpening(openTipOffFile(t, office, undefined, new Date(t.receivedAt)));
const act = (before: Snapshot, command: TipOffCommand, at: Date): Snapshot =>
  applyEvents(tipOffDecider, before.state, tipOffDecider.decide(before.state, command, at));
const put = (kind: RegistryWrite['kind'], record: object) => ({ kind, op: 'put', record }) as RegistryWrite;

describe('tip-off ledger on PostgreSQL', () => {
  const db = useLedgerDatabase('tip_off_ledger');
  let writer: TipOffLedgerWriter;
  let reader: TipOffLedgerReader;
  beforeAll(async () => {
    writer = new TipOffLedgerWriter(db.dataSource);
    reader = new TipOffLedgerReader(db.dataSource);
    await new RegistryWriter(db.dataSource).writeRegistryBatch(
      [put('region', tree.province), put('region', tree.city), put('region', tree.county), put('region', tree.town), put('industry', tree.industry)],
      change(0, '首次登记'),
    );
  });

  it('records the intake, then verification and the accident link; retries and an older snapshot change nothing', async () => {
    const opened = received(tip('t-write'));
    await writer.record(opened);
    const verified = act(opened, { type: 'verify', actor: office, verification, accident: { kind: 'existing', accidentId: 'acc-1' } }, hours(9));
    const linked = act(
      verified,
      { type: 'record_accident_link', actor: SYSTEM_ACTOR, accidentId: 'acc-1', link: 'updated', concealment: ['false_report'] },
      hours(9.1),
    );
    await writer.record(linked);
    // The retried, older write arrives last.
    await writer.record(verified);
    await writer.record(opened);

    expect(await reader.get('t-write')).toMatchObject({
      status: 'verified',
      deadline: hours(24).toISOString(),
      verifiedAt: hours(9).toISOString(),
      verifiedOnTime: true,
      accidentId: 'acc-1',
      accidentLink: 'updated',
      concealed: false,
      falselyReported: true,
      version: 3,
    });
    // The linked write carried only its own event: the verified one came with the retry.
    const events = await reader.events('t-write');
    expect(events.items.map((e) => [e.seq, e.type])).toEqual([
      [1, 'received'],
      [2, 'verified'],
      [3, 'accident_linked'],
    ]);
    expect(events.next).toBeNull();
    expect((await reader.snapshot('t-write'))?.accident?.concealment).toEqual(['false_report']);
    expect(await reader.regionOf('t-write')).toBe(tree.town.id);
  });

  it('refuses events of another tip or beyond the snapshot', async () => {
    const a = received(tip('t-a'));
    const b = received(tip('t-b'));
    await expect(writer.record({ events: a.events, state: b.state })).rejects.toThrow(/belongs to tip-off t-a/);
    await expect(writer.record({ events: [{ ...a.events[0]!, seq: 2 }], state: a.state })).rejects.toThrow(/outside 1..1/);
  });

  it('lists by status and overdue, most urgent first, within the reader’s territory (属地)', async () => {
    const early = received(tip('t-list-early', tree.town.id, hours(-30)));
    const overdue = applyEvents(tipOffDecider, early.state, [
      {
        type: 'verification_overdue',
        data: { deadline: early.state.deadline },
        at: hours(-6).toISOString(),
        actor: SYSTEM_ACTOR,
        reason: '核查逾期',
      },
    ]);
    await writer.record(overdue);
    await writer.record(received(tip('t-list-late', tree.county.id, hours(1))));
    await writer.record(received(tip('t-elsewhere', 'another-county', hours(2))));

    const waiting = await reader.list({ status: 'awaiting_verification' });
    expect(waiting.items.map((r) => r.tipOffId)).toEqual(['t-list-early', 't-list-late', 't-elsewhere']);
    expect((await reader.list({ overdue: true })).items.map((r) => r.tipOffId)).toEqual(['t-list-early']);
    const inCounty = await reader.list({ bounds: { regionId: tree.county.id }, status: 'awaiting_verification' });
    expect(inCounty.items.map((r) => r.tipOffId)).toContain('t-list-late');
    expect(inCounty.items.map((r) => r.tipOffId)).toContain('t-list-early');
    expect(inCounty.items.map((r) => r.tipOffId)).not.toContain('t-elsewhere');
    const inTown = await reader.list({ bounds: { regionId: tree.town.id } });
    expect(inTown.items.map((r) => r.tipOffId)).not.toContain('t-list-late');
    expect((await reader.list({ accidentId: 'acc-1' })).items.map((r) => r.tipOffId)).toEqual(['t-write']);
    const page = await reader.list({ limit: 1 });
    expect([page.items.length, page.total]).toEqual([1, 4]);
  });
});
