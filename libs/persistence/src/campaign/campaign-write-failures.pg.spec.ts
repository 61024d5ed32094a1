import { beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_HAZARD_POLICY, type CampaignEvent, type ScopeUnit, type UnitObligationsState } from '@duban/domain';
import { campaignThen, dailyReport, enrol, iso, launch, OFFICE, schedule, unit, unitThen } from '../testing/campaign-fixtures';
import { useLedgerDatabase } from '../testing/ledger-database';
import { CampaignLedgerReader } from './campaign-ledger-reader';
import { CampaignLedgerWriter } from './campaign-ledger-writer';

// A failure part-way through a write leaves nothing of it: each write is one transaction.

describe('campaign ledger writes that fail part-way', () => {
  const db = useLedgerDatabase('campaign_failures');
  let writer: CampaignLedgerWriter;
  let reader: CampaignLedgerReader;
  beforeAll(() => {
    writer = new CampaignLedgerWriter(db.dataSource);
    reader = new CampaignLedgerReader(db.dataSource);
  });
  const count = db.count;

  it('recordCampaign: a bad event among good ones leaves no events and no row', async () => {
    const c = campaignThen(launch('F-1', []), { type: 'units_enrolled', data: { from: 0, to: 0 }, at: iso(-1), actor: OFFICE, reason: 'none' });
    const launched = launch('F-1', []);
    const bad = { ...c.events[0]!, reason: null } as unknown as CampaignEvent; // reason is NOT NULL
    await expect(
      writer.recordCampaign({ events: [...launched.events, bad], state: c.state, schedule: schedule(), hazardPolicy: STANDARD_HAZARD_POLICY }),
    ).rejects.toThrow(/null value in column "reason"/);
    expect(await reader.get('F-1')).toBeUndefined();
    expect((await reader.events('F-1')).items).toEqual([]);
  });

  it('recordUnit: a bad snapshot after good events rolls back the events and the submissions', async () => {
    await writer.saveRoster('F-2', [unit('f-1', 'r-east')]);
    const opened = enrol('F-2', unit('f-1', 'r-east'));
    await writer.recordUnit(opened);
    const reported = unitThen(opened, dailyReport(opened, 0));
    const badState = { ...reported.state, unit: { ...reported.state.unit, name: null } } as unknown as UnitObligationsState;
    await expect(writer.recordUnit({ events: reported.events, state: badState })).rejects.toThrow(/null value in column "name"/);
    expect(await reader.unit('F-2', 'f-1')).toMatchObject({ version: 1, counters: { onTime: 0 } });
    expect((await reader.events('F-2')).items.map((e) => e.seq)).toEqual([1]);
    expect(await count(`campaign_submission WHERE campaign_id = 'F-2'`)).toBe(0);
    // The retry with a good snapshot then goes through.
    await writer.recordUnit(reported);
    expect(await reader.unit('F-2', 'f-1')).toMatchObject({ version: 2, counters: { onTime: 1 } });
    expect(await count(`campaign_submission WHERE campaign_id = 'F-2'`)).toBe(1);
  });

  it('saveRoster: a bad unit in a later batch leaves none of the earlier batches', async () => {
    const units = Array.from({ length: 1_200 }, (_, i) => unit(`f-${i}`, 'r-east'));
    units[1_100] = { ...units[1_100]!, regionId: null } as unknown as ScopeUnit; // region_id is NOT NULL
    await expect(writer.saveRoster('F-3', units)).rejects.toThrow(/null value in column "region_id"/);
    expect(await count(`campaign_unit WHERE campaign_id = 'F-3'`)).toBe(0);
  });
});
