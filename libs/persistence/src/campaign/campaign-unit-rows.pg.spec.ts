import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '@duban/domain';
import { afternoon, both, dailyReport, enrol, iso, unit, unitThen } from '../testing/campaign-fixtures';
import {
  CAMPAIGN_ID,
  recordLaunch,
  U,
  u1AfterDay0,
  u1Day0,
  u1Opened,
  u2Day0,
  u2Day1,
  u2Opened,
  unitScenario,
} from '../testing/campaign-unit-scenario';
import { useLedgerDatabase } from '../testing/ledger-database';
import { CampaignLedgerReader } from './campaign-ledger-reader';
import { CampaignLedgerWriter } from './campaign-ledger-writer';

// Unit rows and their submissions: recordUnit under retries and reordering (campaign U-1, testing/campaign-unit-scenario).

describe('campaign unit rows on PostgreSQL', () => {
  const db = useLedgerDatabase('campaign_units');
  let writer: CampaignLedgerWriter;
  let reader: CampaignLedgerReader;
  beforeAll(async () => {
    writer = new CampaignLedgerWriter(db.dataSource);
    reader = new CampaignLedgerReader(db.dataSource);
    await recordLaunch(writer);
  });
  const { u1, u3 } = unitScenario();

  it('recordUnit again (a retried activity) adds no events or submissions; the row follows the state', async () => {
    await writer.recordUnit(both(u1Opened, u1Day0));
    await writer.recordUnit(both(u1Opened, u1Day0));
    // A retry after a timeout may resend a superset: old seqs are skipped, new ones added.
    const later = u1AfterDay0();
    expect(u1).toEqual(both(both(u1Opened, u1Day0), later));
    await writer.recordUnit(u1);
    await writer.recordUnit(u1);

    const seqs = await db.dataSource.query(
      `SELECT seq, count(*)::int AS n FROM campaign_event WHERE campaign_id = 'U-1' AND unit_id = 'u-1' GROUP BY seq ORDER BY seq`,
    );
    expect(seqs).toEqual(u1.events.map((e) => ({ seq: e.seq, n: 1 })));
    expect(await db.count(`campaign_submission WHERE campaign_id = 'U-1' AND unit_id = 'u-1'`)).toBe(2);
    expect((await reader.submissionsFor(CAMPAIGN_ID, { unitId: 'u-1' })).items).toEqual([
      {
        unitId: 'u-1',
        obligationId: 'report:daily:2026-06-01',
        kind: 'report',
        submittedAt: afternoon(0),
        onTime: true,
        zero: false,
        content: '2026-06-01 排查情况',
        actorId: 'u-1-safety',
      },
      expect.objectContaining({ obligationId: 'report:daily:2026-06-02', onTime: false, submittedAt: afternoon(2) }),
    ]);

    const counters = u1.state.counters;
    expect(counters).toMatchObject({ onTime: 1, late: 1, missed: 1, inspections: 1, findings: 2 }); // the fixture is what we think
    expect(await reader.unit(CAMPAIGN_ID, 'u-1')).toEqual({
      campaignId: 'U-1',
      unitId: 'u-1',
      rosterIndex: 0,
      name: '单位 u-1',
      kind: 'enterprise',
      regionId: 'r-east',
      industryId: 'chem',
      status: 'active',
      enrolledAt: iso(0),
      counters,
      escalationCount: 1,
      lastEscalationInstrument: 'reminder',
      lastEscalatedAt: '2026-06-02T09:00:00.000Z',
      hazardIds: ['HZ-1', 'HZ-2'],
      version: u1.state.lastSeq,
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('an older unit snapshot arriving after a newer one does not overwrite it', async () => {
    await writer.recordUnit(both(both(u2Opened, u2Day0), u2Day1)); // v3 first …
    await writer.recordUnit(u2Opened); // … then v1, late
    await writer.recordUnit(both(u2Opened, u2Day0)); // … and v2, late
    expect(await reader.unit(CAMPAIGN_ID, 'u-2')).toMatchObject({ version: 3, counters: { onTime: 2, zeroReports: 2 }, status: 'active' });
    expect(await db.count(`campaign_submission WHERE campaign_id = 'U-1' AND unit_id = 'u-2' AND zero`)).toBe(2);
  });

  it('a submission recorded twice keeps the earlier event (lower seq), whatever order the batches come in', async () => {
    // Not that the domain would accept a second report for one obligation: the ledger still keeps one row, the first.
    const opened = enrol('U-DUP', unit('d-1', 'r-east'));
    const first = unitThen(opened, dailyReport(opened, 0, { zero: true }));
    const second = unitThen(first, dailyReport(first, 0));
    await writer.recordUnit(second); // seq 3 alone, first
    await writer.recordUnit(both(both(opened, first), second));
    expect((await reader.submissionsFor('U-DUP', {})).items).toEqual([
      expect.objectContaining({ obligationId: 'report:daily:2026-06-01', zero: true, content: '零报告' }),
    ]);
  });

  it('a step decided again under the same seqs (a lost workflow task retried) replaces the first write; an older version still cannot', async () => {
    // recordUnitEvents is a local activity: it writes before its workflow task is durable. When
    // that task is lost, the retry decides the step again at a later time — on time then, late now.
    const opened = enrol('U-REDO', unit('r-1', 'r-east'));
    const lost = unitThen(opened, dailyReport(opened, 0, { onTime: true, at: afternoon(0) }));
    const kept = unitThen(opened, dailyReport(opened, 0, { onTime: false, at: afternoon(1) }));
    expect(kept.events.map((e) => e.seq)).toEqual(lost.events.map((e) => e.seq)); // same seqs, other content
    expect(kept.state.lastSeq).toBe(lost.state.lastSeq);
    expect(kept.state.counters).not.toEqual(lost.state.counters);

    await writer.recordUnit(both(opened, lost));
    await writer.recordUnit(both(opened, kept));

    const events = await db.dataSource.query(
      `SELECT seq, at, count(*) OVER ()::int AS n FROM campaign_event WHERE campaign_id = 'U-REDO' AND seq = $1`,
      [kept.events[0]!.seq],
    );
    expect(events).toEqual([{ seq: kept.events[0]!.seq, at: new Date(afternoon(1)), n: 1 }]);
    expect((await reader.submissionsFor('U-REDO', {})).items).toEqual([
      expect.objectContaining({ obligationId: 'report:daily:2026-06-01', onTime: false, submittedAt: afternoon(1) }),
    ]);
    expect(await reader.unit('U-REDO', 'r-1')).toMatchObject({ version: kept.state.lastSeq, counters: kept.state.counters });

    await writer.recordUnit(opened); // the enrolment alone, late: version 1 never overwrites the report's
    expect(await reader.unit('U-REDO', 'r-1')).toMatchObject({ version: kept.state.lastSeq, counters: kept.state.counters });
  });

  it('a unit not on the roster yet (added mid-campaign) is inserted by recordUnit, after the roster', async () => {
    await writer.recordUnit(u3);
    const added = enrol(CAMPAIGN_ID, U.u5, 3);
    await writer.recordUnit(added);
    expect(await reader.unit(CAMPAIGN_ID, 'u-5')).toMatchObject({
      rosterIndex: 4,
      status: 'active',
      enrolledAt: iso(3),
      version: 1,
      counters: { due: 0 },
    });
    expect((await reader.loadRosterPage(CAMPAIGN_ID, 0, 10)).map((u) => u.unitId)).toEqual(['u-1', 'u-2', 'u-3', 'u-4', 'u-5']);
    // Saving the roster again (e.g. the activity retried) neither duplicates nor resets it.
    expect(await writer.saveRoster(CAMPAIGN_ID, [U.u1, U.u2, U.u3, U.u4, U.u5])).toBe(5);
    expect(await reader.unit(CAMPAIGN_ID, 'u-5')).toMatchObject({ rosterIndex: 4, status: 'active', version: 1 });
  });

  it('a batch for another unit or campaign is refused before touching the database', async () => {
    const other = enrol(CAMPAIGN_ID, unit('u-x', 'r-east'));
    await expect(writer.recordUnit({ events: other.events, state: u3.state })).rejects.toThrow(/belongs to unit u-x of campaign U-1, not u-3 of U-1/);
    await expect(writer.recordUnit({ events: [{ ...u3.events[0]!, campaignId: 'U-2' }], state: u3.state })).rejects.toThrow(/campaign U-2/);
    expect(await reader.unit(CAMPAIGN_ID, 'u-x')).toBeUndefined();
  });

  it('a submission whose id the domain cannot read is refused before touching the database', async () => {
    // The day-report SQL (campaign-report-reads) counts on every stored id parsing as the domain's parseObligationId reads it.
    const opened = enrol(CAMPAIGN_ID, unit('u-y', 'r-east'));
    for (const obligationId of ['report:2026-06-01', 'report:daily:2026-6-1', 'memo:x', '']) {
      const odd = unitThen(opened, {
        type: 'report_submitted',
        data: { obligationId, onTime: true, zero: false, content: 'x' },
        at: afternoon(0),
        actor: SYSTEM_ACTOR,
        reason: '一日一报',
      });
      await expect(writer.recordUnit(both(opened, odd)), obligationId).rejects.toThrow(/not an obligation id/);
    }
    expect(await reader.unit(CAMPAIGN_ID, 'u-y')).toBeUndefined();
    expect(await db.count(`campaign_event WHERE campaign_id = 'U-1' AND unit_id = 'u-y'`)).toBe(0);
  });

  it('a closed unit: status closed, no longer signalled', async () => {
    const removed = unitThen(u3, { type: 'removed', data: {}, at: iso(5), actor: SYSTEM_ACTOR, reason: '不在排查范围' });
    await writer.recordUnit(both(u3, removed));
    const u2 = both(both(u2Opened, u2Day0), u2Day1);
    const closed = unitThen(u2, { type: 'closed', data: {}, at: iso(60), actor: SYSTEM_ACTOR, reason: '专项行动结束' });
    await writer.recordUnit(both(u2, closed));
    expect(await reader.unit(CAMPAIGN_ID, 'u-2')).toMatchObject({ status: 'closed', version: closed.state.lastSeq });
    expect(await reader.unitStatusCounts(CAMPAIGN_ID)).toEqual({ active: 2, closed: 1, removed: 1, pending: 1 });
    // Removed and closed units take no more signals; pending ones do (their workflow may be starting).
    expect(await reader.unitIds(CAMPAIGN_ID)).toEqual(['u-1', 'u-4', 'u-5']);
  });
});
