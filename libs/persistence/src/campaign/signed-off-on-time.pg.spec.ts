import { beforeAll, describe, expect, it } from 'vitest';
import { isSignedOffOnTime, type HazardReport } from '@duban/domain';
import { days, iso, unit } from '../testing/campaign-fixtures';
import { act, joined, OFFICE, reportHazard, signOff, submitPlan, unitActor, type Hazard } from '../testing/hazard-fixtures';
import { useLedgerDatabase } from '../testing/ledger-database';
import { HazardLedgerReader } from '../hazard/hazard-ledger-reader';
import { HazardLedgerWriter } from '../hazard/hazard-ledger-writer';
import { CampaignLedgerReader } from './campaign-ledger-reader';
import { CampaignLedgerWriter } from './campaign-ledger-writer';

// 按期销号 is counted in SQL twice (campaign-hazard-reads: hazardCounts and scores, through
// SIGNED_OFF_ON_TIME_SQL); both must count what the domain's isSignedOffOnTime counts over the
// same hazard_ledger rows, at the edges: exactly at the deadline, 1 ms after, not signed off,
// after the original deadline but within an approved extension, after the extended one.

const CAMPAIGN = 'S-1';
const DEADLINE = iso(10);
const ms = (instant: string, delta: number) => new Date(Date.parse(instant) + delta);

const hazard = (hazardId: string, unitId: string, over: Partial<HazardReport> = {}): Hazard =>
  reportHazard(hazardId, { campaignId: CAMPAIGN, source: 'campaign', unitId, deadline: DEADLINE, ...over }, days(0));

function extended(hazardId: string, unitId: string): Hazard {
  const opened = hazard(hazardId, unitId);
  const planned = joined(opened, submitPlan(opened, days(1)));
  const asked = joined(
    planned,
    act(planned, { type: 'request_extension', actor: unitActor(unitId), requestedDeadline: iso(20), reason: '设备到货延迟' }, days(5)),
  );
  return joined(asked, act(asked, { type: 'decide_extension', actor: OFFICE, approve: true, reason: '同意延期' }, days(6)));
}

/** One hazard per unit, so each unit's score row shows how its edge was counted; true = on time by the rule. */
const EDGES: Array<{ unitId: string; build: () => Hazard; onTime: boolean }> = [
  { unitId: 'early', build: () => signOff(hazard('H-early', 'early'), days(3)), onTime: true },
  { unitId: 'at-deadline', build: () => signOff(hazard('H-at', 'at-deadline'), new Date(DEADLINE)), onTime: true },
  { unitId: 'ms-late', build: () => signOff(hazard('H-late', 'ms-late'), ms(DEADLINE, 1)), onTime: false },
  { unitId: 'open', build: () => joined(hazard('H-open', 'open'), submitPlan(hazard('H-open', 'open'), days(1))), onTime: false },
  { unitId: 'extended', build: () => signOff(extended('H-ext', 'extended'), days(15)), onTime: true },
  { unitId: 'past-extension', build: () => signOff(extended('H-ext-late', 'past-extension'), ms(iso(20), 1)), onTime: false },
];

describe('signed off on time: SQL agrees with isSignedOffOnTime', () => {
  const db = useLedgerDatabase('signed_off_on_time');
  let campaigns: CampaignLedgerReader;
  let hazards: HazardLedgerReader;
  beforeAll(async () => {
    campaigns = new CampaignLedgerReader(db.dataSource);
    hazards = new HazardLedgerReader(db.dataSource);
    await new CampaignLedgerWriter(db.dataSource).saveRoster(
      CAMPAIGN,
      EDGES.map((e) => unit(e.unitId, 'r-east')),
    );
    const writer = new HazardLedgerWriter(db.dataSource);
    for (const edge of EDGES) await writer.record(edge.build());
  });

  it('the fixture sits on the edges it claims (the domain rule, row by row)', async () => {
    const { items } = await hazards.list({ campaignId: CAMPAIGN });
    const byUnit = new Map(items.map((row) => [row.unitId, row]));
    expect(byUnit.get('at-deadline')).toMatchObject({ status: 'signed_off', signedOffAt: DEADLINE, deadline: DEADLINE });
    expect(byUnit.get('ms-late')).toMatchObject({ status: 'signed_off', signedOffAt: ms(DEADLINE, 1).toISOString(), deadline: DEADLINE });
    expect(byUnit.get('open')).toMatchObject({ status: 'rectifying', signedOffAt: null });
    expect(byUnit.get('extended')).toMatchObject({ status: 'signed_off', deadline: iso(20), originalDeadline: DEADLINE, signedOffAt: iso(15) });
    for (const edge of EDGES) expect(isSignedOffOnTime(byUnit.get(edge.unitId)!), edge.unitId).toBe(edge.onTime);
  });

  it('hazardCounts.signedOffOnTime is the domain’s count over the campaign’s rows', async () => {
    const { items } = await hazards.list({ campaignId: CAMPAIGN });
    const domainCount = items.filter(isSignedOffOnTime).length;
    expect(domainCount).toBe(EDGES.filter((e) => e.onTime).length);
    expect((await campaigns.hazardCounts(CAMPAIGN)).signedOffOnTime).toBe(domainCount);
  });

  it('scores’ rectifiedOnTime is the domain’s count over each unit’s rows', async () => {
    const { items } = await hazards.list({ campaignId: CAMPAIGN });
    const scores = await campaigns.scores(CAMPAIGN);
    expect(scores.map((s) => s.unitId)).toEqual(EDGES.map((e) => e.unitId));
    for (const s of scores) {
      const domainCount = items.filter((row) => row.unitId === s.unitId).filter(isSignedOffOnTime).length;
      expect(s.hazards.rectifiedOnTime, s.unitId).toBe(domainCount);
    }
  });
});
