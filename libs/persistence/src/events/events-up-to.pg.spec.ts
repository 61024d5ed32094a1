import { beforeAll, describe, expect, it } from 'vitest';
import { AccidentLedgerReader } from '../accident/accident-ledger-reader';
import { CampaignLedgerReader } from '../campaign/campaign-ledger-reader';
import { CovertInspectionLedgerReader } from '../covert-inspection/covert-inspection-ledger-reader';
import { EnforcementLedgerReader } from '../enforcement/enforcement-ledger-reader';
import { HazardLedgerReader } from '../hazard/hazard-ledger-reader';
import { TipOffLedgerReader } from '../tip-off/tip-off-ledger-reader';
import { useLedgerDatabase } from '../testing/ledger-database';

// The events a state as of a moment is folded from: one stream's, at or before the moment, in seq
// order, read in keyset pages (a stream longer than a page comes back whole).

const T0 = Date.parse('2026-06-01T01:00:00Z');
const minute = (n: number) => new Date(T0 + n * 60_000);

describe('events up to a moment on PostgreSQL', () => {
  const db = useLedgerDatabase('events_up_to');
  let hazards: HazardLedgerReader;
  let campaigns: CampaignLedgerReader;

  beforeAll(async () => {
    hazards = new HazardLedgerReader(db.dataSource);
    campaigns = new CampaignLedgerReader(db.dataSource);
    // H-long: 1,200 events one a minute (more than two pages); H-other: 5 events at the same minutes.
    await db.dataSource.query(
      `INSERT INTO hazard_event (hazard_id, seq, type, at, actor_id, actor_name, actor_role, actor_unit_id, reason, data)
       SELECT h, s, 'progress_reported', $1::timestamptz + s * interval '1 minute', 'u', '安全员', 'unit', 'unit-a', '整改进展', jsonb_build_object('n', s)
         FROM unnest(ARRAY['H-long', 'H-other']) h, generate_series(1, 1200) s
        WHERE h = 'H-long' OR s <= 5`,
      [minute(0).toISOString()],
    );
    // C: the campaign's own events (unit_id '') and two units', interleaved in time.
    await db.dataSource.query(
      `INSERT INTO campaign_event (campaign_id, unit_id, seq, type, at, actor_id, actor_name, actor_role, actor_unit_id, reason, data)
       SELECT 'C', u, s, 'report_submitted', $1::timestamptz + (s * 3 + array_position(ARRAY['', 'u-1', 'u-2'], u)) * interval '1 minute',
              'a', '安全员', 'unit', NULL, '一日一报', '{}'::jsonb
         FROM unnest(ARRAY['', 'u-1', 'u-2']) u, generate_series(1, 10) s`,
      [minute(0).toISOString()],
    );
  });

  it('answers every event at or before asOf, the one exactly at it included, in seq order across pages', async () => {
    const upTo = await hazards.eventsUpTo('H-long', minute(1100));
    expect(upTo.map((e) => e.seq)).toEqual(Array.from({ length: 1100 }, (_, i) => i + 1));
    expect(upTo.at(-1)).toMatchObject({
      seq: 1100,
      at: minute(1100).toISOString(),
      data: { n: 1100 },
      actor: { id: 'u', role: 'unit', unitId: 'unit-a' },
    });
    expect(await hazards.eventsUpTo('H-long', new Date(minute(1100).getTime() - 1))).toHaveLength(1099);
    expect(await hazards.eventsUpTo('H-long', minute(5000))).toHaveLength(1200);
  });

  it('answers nothing before the first event, and nothing of another stream', async () => {
    expect(await hazards.eventsUpTo('H-long', minute(0))).toEqual([]);
    expect((await hazards.eventsUpTo('H-other', minute(1100))).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(await hazards.eventsUpTo('H-none', minute(1100))).toEqual([]);
  });

  it('reads the campaign’s own events apart from each unit’s', async () => {
    const own = await campaigns.eventsUpTo('C', null, minute(16));
    expect(own.map((e) => [e.unitId, e.seq, e.at])).toEqual([1, 2, 3, 4, 5].map((s) => [null, s, minute(s * 3 + 1).toISOString()]));
    const unit = await campaigns.eventsUpTo('C', 'u-2', minute(12));
    expect(unit.map((e) => [e.unitId, e.seq])).toEqual([
      ['u-2', 1],
      ['u-2', 2],
      ['u-2', 3],
    ]);
    expect(await campaigns.eventsUpTo('C', 'u-3', minute(100))).toEqual([]);
  });

  it('reads a record’s log with the columns its events carry beyond the shared ones (an enforcement step’s legal basis)', async () => {
    await db.dataSource.query(
      `INSERT INTO enforcement_event (case_id, seq, type, at, actor_id, actor_name, actor_role, actor_unit_id, reason, data, legal_basis)
       SELECT 'EC-1', s, 'violation_recorded', $1::timestamptz + s * interval '1 minute', 'o', '执法队', 'office', NULL, '违法行为', '{}'::jsonb,
              '《安全生产法》第' || s || '条'
         FROM generate_series(1, 3) s`,
      [minute(0).toISOString()],
    );
    await db.dataSource.query(
      `INSERT INTO accident_event (accident_id, seq, type, at, actor_id, actor_name, actor_role, actor_unit_id, reason, data)
       VALUES ('A-1', 1, 'reported', $1, 'u', '王总', 'unit', 'unit-a', '事故快报', '{"n": 1}')`,
      [minute(2).toISOString()],
    );
    const upTo = await new EnforcementLedgerReader(db.dataSource).eventsUpTo('EC-1', minute(2));
    expect(upTo.map((e) => [e.seq, e.legalBasis])).toEqual([
      [1, '《安全生产法》第1条'],
      [2, '《安全生产法》第2条'],
    ]);
    expect(upTo[0]).toEqual({
      seq: 1,
      type: 'violation_recorded',
      at: minute(1).toISOString(),
      actor: { id: 'o', name: '执法队', role: 'office' },
      reason: '违法行为',
      data: {},
      legalBasis: '《安全生产法》第1条',
    });
    expect(await new AccidentLedgerReader(db.dataSource).eventsUpTo('A-1', minute(2))).toEqual([
      {
        seq: 1,
        type: 'reported',
        at: minute(2).toISOString(),
        actor: { id: 'u', name: '王总', role: 'unit', unitId: 'unit-a' },
        reason: '事故快报',
        data: { n: 1 },
      },
    ]);
    expect(await new AccidentLedgerReader(db.dataSource).eventsUpTo('A-1', new Date(minute(2).getTime() - 1))).toEqual([]);
    expect(await new TipOffLedgerReader(db.dataSource).eventsUpTo('EC-1', minute(9))).toEqual([]);
    expect(await new CovertInspectionLedgerReader(db.dataSource).eventsUpTo('A-1', minute(9))).toEqual([]);
  });
});
