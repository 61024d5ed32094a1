import { beforeAll, describe, expect, it } from 'vitest';
import type { HazardEvent, HazardReport, HazardState } from '@duban/domain';
import { act, INSPECTOR, reportHazard, submitPlan, unitActor, type Hazard } from '../testing/hazard-fixtures';
import { useLedgerDatabase } from '../testing/ledger-database';
import { HazardLedgerReader } from './hazard-ledger-reader';
import { HazardLedgerWriter } from './hazard-ledger-writer';

// The writer under at-least-once delivery: retries, reordering, and failures part-way.

const T0 = new Date('2026-03-02T01:00:00.000Z');
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);
const report = (hazardId: string, over: Partial<HazardReport>): Hazard => reportHazard(hazardId, { deadline: days(30).toISOString(), ...over }, T0);

describe('hazard ledger writes on PostgreSQL', () => {
  const db = useLedgerDatabase('hazard_writes');
  let writer: HazardLedgerWriter;
  let reader: HazardLedgerReader;
  beforeAll(() => {
    writer = new HazardLedgerWriter(db.dataSource);
    reader = new HazardLedgerReader(db.dataSource);
  });

  it('recording the same events again (a retried activity) leaves one row per seq', async () => {
    const h = report('H-retry', { grade: 'major' }); // major: reported + listed at once → seq 1, 2
    expect(h.events.map((e) => e.seq)).toEqual([1, 2]);
    await writer.record(h);
    await writer.record(h);
    const planned = submitPlan(h, days(1));
    // A retry after a timeout may resend a superset: old seqs are skipped, new ones added.
    await writer.record({ events: [...h.events, ...planned.events], state: planned.state });
    await writer.record({ events: [...h.events, ...planned.events], state: planned.state });

    const counts = await db.dataSource.query(
      `SELECT seq, count(*)::int AS n FROM hazard_event WHERE hazard_id = 'H-retry' GROUP BY seq ORDER BY seq`,
    );
    expect(counts).toEqual([
      { seq: 1, n: 1 },
      { seq: 2, n: 1 },
      { seq: 3, n: 1 },
    ]);
    const row = await reader.get('H-retry');
    expect(row).toMatchObject({ version: 3, status: 'rectifying', listedForSupervision: true, lastEscalationInstrument: 'listed_supervision' });
  });

  it('an older snapshot arriving after a newer one does not overwrite it', async () => {
    const opened = report('H-order', { unitId: 'unit-b' });
    const claimed = act(opened, { type: 'claim_completion', actor: unitActor('unit-b'), summary: '已现场整改' }, days(2));
    const signed = act(claimed, { type: 'verify', actor: INSPECTOR, decision: 'accept', comment: '验收合格' }, days(3));

    await writer.record(signed); // v3 first …
    await writer.record(opened); // … then v1, late
    await writer.record(claimed); // … and v2, late

    const row = await reader.get('H-order');
    expect(row).toMatchObject({ version: 3, status: 'signed_off', signedOffAt: days(3).toISOString() });
    expect(await reader.snapshot('H-order')).toEqual(signed.state);
    // Events are recorded whatever the order: the log is complete.
    expect((await reader.events('H-order')).items.map((e) => [e.seq, e.type])).toEqual([
      [1, 'reported'],
      [2, 'completion_claimed'],
      [3, 'signed_off'],
    ]);
    // The same version again is a no-op too (updated_at does not move).
    const before = (await reader.get('H-order'))!.updatedAt;
    await writer.record(signed);
    expect((await reader.get('H-order'))!.updatedAt).toBe(before);
  });

  it('the same seq decided again at another time (a lost workflow task retried) replaces the first write, event and row', async () => {
    const opened = report('H-again', { unitId: 'unit-c' });
    // The first attempt's local activity wrote its claim; its task was lost, and the retry claimed at a later time.
    const lost = act(opened, { type: 'claim_completion', actor: unitActor('unit-c'), summary: '已现场整改' }, days(2));
    const kept = act(opened, { type: 'claim_completion', actor: unitActor('unit-c'), summary: '已现场整改' }, days(2.5));
    expect(kept.state.lastSeq).toBe(lost.state.lastSeq);
    await writer.record(opened);
    await writer.record(lost);
    await writer.record(kept);

    expect(await reader.snapshot('H-again')).toEqual(kept.state);
    const claim = (await reader.events('H-again')).items.find((e) => e.type === 'completion_claimed');
    expect(claim?.at).toBe(days(2.5).toISOString());
  });

  describe('a failure mid-transaction writes nothing', () => {
    const snapshot = async (hazardId: string) => ({
      row: await reader.get(hazardId),
      events: await db.dataSource.query(`SELECT seq FROM hazard_event WHERE hazard_id = $1 ORDER BY seq`, [hazardId]),
    });

    it('a bad event among good ones: no events, no ledger row', async () => {
      const h = report('F-1', { grade: 'major' });
      const bad = { ...h.events[1]!, reason: null } as unknown as HazardEvent; // reason is NOT NULL
      await expect(writer.record({ events: [h.events[0]!, bad], state: h.state })).rejects.toThrow(/null value in column "reason"/);
      expect(await snapshot('F-1')).toEqual({ row: undefined, events: [] });
    });

    it('a bad snapshot after good events: the events are rolled back and the row keeps its version', async () => {
      const h = report('F-2', {});
      await writer.record(h);
      const planned = submitPlan(h, days(1));
      const badState = { ...planned.state, report: { ...planned.state.report, title: null } } as unknown as HazardState;
      await expect(writer.record({ events: planned.events, state: badState })).rejects.toThrow(/null value in column "title"/);
      expect(await snapshot('F-2')).toMatchObject({ row: { version: 1, status: 'awaiting_plan' }, events: [{ seq: 1 }] });
      // The retry with a good snapshot then goes through.
      await writer.record(planned);
      expect(await snapshot('F-2')).toMatchObject({ row: { version: 2, status: 'rectifying' }, events: [{ seq: 1 }, { seq: 2 }] });
    });

    it('a batch for the wrong hazard is refused before touching the database', async () => {
      const a = report('F-3', {});
      const b = report('F-4', {});
      await expect(writer.record({ events: a.events, state: b.state })).rejects.toThrow(/belongs to hazard F-3, not F-4/);
      expect(await snapshot('F-4')).toEqual({ row: undefined, events: [] });
    });
  });
});
