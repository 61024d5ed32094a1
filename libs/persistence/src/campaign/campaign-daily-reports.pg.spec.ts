import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '@duban/domain';
import { afternoon, both, iso, unitThen } from '../testing/campaign-fixtures';
import { CAMPAIGN_ID, recordUnitScenario, type UnitScenario } from '../testing/campaign-unit-scenario';
import { useLedgerDatabase } from '../testing/ledger-database';
import { CampaignLedgerReader } from './campaign-ledger-reader';
import { CampaignLedgerWriter } from './campaign-ledger-writer';

// 一日一报: who reported on a China day and who did not, and the submissions list (campaign U-1, testing/campaign-unit-scenario).

describe('campaign daily reports on PostgreSQL', () => {
  const db = useLedgerDatabase('campaign_reports');
  let writer: CampaignLedgerWriter;
  let reader: CampaignLedgerReader;
  let scenario: UnitScenario;
  beforeAll(async () => {
    writer = new CampaignLedgerWriter(db.dataSource);
    reader = new CampaignLedgerReader(db.dataSource);
    scenario = await recordUnitScenario(writer);
  });

  it('reportsForDay: who reported that CST day, and which active units did not', async () => {
    expect(await reader.reportsForDay(CAMPAIGN_ID, '2026-06-01')).toEqual({
      date: '2026-06-01',
      received: [
        { unitId: 'u-1', obligationId: 'report:daily:2026-06-01', onTime: true, zero: false, submittedAt: afternoon(0) },
        { unitId: 'u-2', obligationId: 'report:daily:2026-06-01', onTime: true, zero: true, submittedAt: afternoon(0) },
      ],
      // u-4 is pending (no workflow yet), u-5 joined on 06-04.
      missing: ['u-3'],
    });
    expect(await reader.reportsForDay(CAMPAIGN_ID, '2026-06-02')).toMatchObject({
      received: [
        { unitId: 'u-2', onTime: true, zero: true },
        { unitId: 'u-1', onTime: false, zero: false, submittedAt: afternoon(2) },
      ],
      missing: ['u-3'],
    });
    expect(await reader.reportsForDay(CAMPAIGN_ID, '2026-06-04')).toMatchObject({ received: [], missing: ['u-1', 'u-2', 'u-3', 'u-5'] });
    // u-5 was enrolled at 06-04 00:00 CST: owed nothing for the day before, which ended at that instant.
    expect((await reader.reportsForDay(CAMPAIGN_ID, '2026-06-03')).missing).toEqual(['u-1', 'u-2', 'u-3']);
  });

  it('reportsForDay refuses anything but a calendar day', async () => {
    for (const day of ['2026-6-1', '2026-02-30', "2026-06-01' OR 1=1", '']) {
      await expect(reader.reportsForDay(CAMPAIGN_ID, day), day).rejects.toThrow(RangeError);
    }
  });

  it('submissionsFor: by obligation id prefix (no wildcards) and unit', async () => {
    expect(await reader.submissionsFor(CAMPAIGN_ID, { obligationIdPrefix: 'report:daily:2026-06-02' })).toMatchObject({
      total: 2,
      items: [{ unitId: 'u-1' }, { unitId: 'u-2' }],
    });
    expect((await reader.submissionsFor(CAMPAIGN_ID, { obligationIdPrefix: 'report:' })).total).toBe(4);
    expect((await reader.submissionsFor(CAMPAIGN_ID, { obligationIdPrefix: 'deliverable:' })).total).toBe(0);
    expect((await reader.submissionsFor(CAMPAIGN_ID, { obligationIdPrefix: 'report:%' })).total).toBe(0);
    expect(await reader.submissionsFor(CAMPAIGN_ID, { unitId: 'u-2', limit: 1, offset: 1 })).toMatchObject({
      total: 2,
      items: [{ obligationId: 'report:daily:2026-06-02', zero: true }],
    });
  });

  it('a removed unit is no longer owed reports', async () => {
    const removed = unitThen(scenario.u3, { type: 'removed', data: {}, at: iso(5), actor: SYSTEM_ACTOR, reason: '不在排查范围' });
    await writer.recordUnit(both(scenario.u3, removed));
    expect((await reader.reportsForDay(CAMPAIGN_ID, '2026-06-01')).missing).toEqual([]);
  });
});
