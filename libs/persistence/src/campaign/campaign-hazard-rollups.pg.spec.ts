import { beforeAll, describe, expect, it } from 'vitest';
import { scoreUnit, type HazardReport } from '@duban/domain';
import { days, iso } from '../testing/campaign-fixtures';
import { CAMPAIGN_ID, recordUnitScenario, type UnitScenario } from '../testing/campaign-unit-scenario';
import { joined, reportHazard, signOff, timers, type Hazard } from '../testing/hazard-fixtures';
import { useLedgerDatabase } from '../testing/ledger-database';
import { HazardLedgerWriter } from '../hazard/hazard-ledger-writer';
import { CampaignLedgerReader } from './campaign-ledger-reader';
import { CampaignLedgerWriter } from './campaign-ledger-writer';

// The campaign's hazards, joined from the hazard ledger by campaign and unit: the counts on the
// campaign, and each unit's assessment inputs (campaign U-1, testing/campaign-unit-scenario).

const hazard = (hazardId: string, over: Partial<HazardReport>): Hazard =>
  reportHazard(hazardId, { source: 'campaign', unitId: 'u-1', deadline: iso(10), ...over }, days(0));

describe('campaign hazard roll-ups on PostgreSQL', () => {
  const db = useLedgerDatabase('campaign_hazards');
  let reader: CampaignLedgerReader;
  let scenario: UnitScenario;
  beforeAll(async () => {
    reader = new CampaignLedgerReader(db.dataSource);
    scenario = await recordUnitScenario(new CampaignLedgerWriter(db.dataSource));
    const hazards = new HazardLedgerWriter(db.dataSource);
    // u-1: HZ-1 signed off on time, HZ-2 signed off late; u-2: HZ-3 open and overdue, HZ-4 major and open;
    // HZ-5 belongs to u-1 but another campaign, HZ-6 to no campaign.
    await hazards.record(signOff(hazard('HZ-1', { campaignId: CAMPAIGN_ID, deadline: iso(10) }), days(4)));
    await hazards.record(signOff(hazard('HZ-2', { campaignId: CAMPAIGN_ID, deadline: iso(3) }), days(6)));
    const hz3 = hazard('HZ-3', { campaignId: CAMPAIGN_ID, unitId: 'u-2', deadline: iso(2) });
    await hazards.record(joined(hz3, timers(hz3, days(4))));
    await hazards.record(hazard('HZ-4', { campaignId: CAMPAIGN_ID, unitId: 'u-2', grade: 'major', deadline: iso(30) }));
    await hazards.record(signOff(hazard('HZ-5', { campaignId: 'OTHER' }), days(1)));
    await hazards.record(hazard('HZ-6', { source: 'inspection' }));
  });

  it('hazardCounts: the campaign’s hazards by state', async () => {
    expect(await reader.hazardCounts(CAMPAIGN_ID)).toEqual({
      found: 4,
      signedOff: 2,
      signedOffOnTime: 1,
      open: 2,
      rectifying: 0, // both open ones still await a plan
      overdue: 2, // HZ-2 (signed off late) and HZ-3
      overdueOpen: 1,
      listedForSupervision: 1, // HZ-4, major
    });
    expect(await reader.hazardCounts('nope')).toMatchObject({ found: 0, overdue: 0 });
  });

  it('scores: each unit’s counters, escalations and hazards, in roster order, as the domain’s scoreUnit takes them', async () => {
    const scores = await reader.scores(CAMPAIGN_ID);
    expect(scores.map((s) => [s.unitId, s.status, s.escalations, s.hazards])).toEqual([
      ['u-1', 'active', 1, { found: 2, signedOff: 2, rectifiedOnTime: 1 }],
      ['u-2', 'active', 0, { found: 2, signedOff: 0, rectifiedOnTime: 0 }],
      ['u-3', 'active', 0, { found: 0, signedOff: 0, rectifiedOnTime: 0 }],
      ['u-4', 'pending', 0, { found: 0, signedOff: 0, rectifiedOnTime: 0 }],
      ['u-5', 'active', 0, { found: 0, signedOff: 0, rectifiedOnTime: 0 }],
    ]);
    expect(scores[0]).toMatchObject({
      name: '单位 u-1',
      kind: 'enterprise',
      regionId: 'r-east',
      industryId: 'chem',
      counters: scenario.u1.state.counters,
    });
    expect(scoreUnit(scores[0]!).hazardsRectifiedOnTimeRate).toBe(0.5);
    expect(scores.find((s) => s.unitId === 'u-3')?.kind).toBe('government');
    expect(await reader.scores('nope')).toEqual([]);
  });
});
