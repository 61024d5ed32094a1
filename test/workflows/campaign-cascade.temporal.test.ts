import { describe, expect, it } from 'vitest';
import { rollUpsOfDay, buildCampaignSchedule, type ScopeUnit } from '@duban/domain';
import { CampaignLedgerReader } from '@duban/persistence';
import { closeCampaignUpdate, submitReportUpdate, unitViewQuery } from '@duban/workflows';
import { launchRosterCampaign, testTemplate } from '../support/campaign-fixtures';
import { office } from '../support/hazard-fixtures';
import { fetchHistories, maybeRecordFixtures, replayAll } from '../support/histories';
import { useTimeSkippingHarness } from '../support/time-skipping-env';

const HOUR_MS = 3600_000;

/** 比照落实: every county government sets up its plan within two days and rolls up its units' 17:00 report by 20:00. */
const CASCADE = testTemplate({
  id: 'cascade-test',
  name: '比照落实测试活动 (cascade test campaign)',
  phases: [
    { id: 'mobilise', name: '动员部署', duration: { amount: 3, unit: 'days' }, deliverables: [] },
    { id: 'rectify', name: '集中整治', duration: { amount: 3, unit: 'days' }, deliverables: [] },
  ],
  reports: [{ id: 'daily', name: '一日一报', cadence: 'daily', cutoff: '17:00', zeroReportAllowed: true }],
  cascade: {
    setup: [{ id: 'county-plan', name: '县级实施方案', dueAfter: { amount: 2, unit: 'days' } }],
    rollUps: [{ id: 'county-daily', name: '一日一汇总', cadence: 'daily', cutoff: '20:00', zeroReportAllowed: false, rollUpOf: 'daily' }],
    escalation: [{ id: 'county-remind', instrument: 'reminder', afterMissed: 1 }],
  },
});

const COUNTIES = ['east', 'west', 'north'];
const government = (county: string): ScopeUnit => ({ unitId: `${county}-gov`, name: `${county}区人民政府`, kind: 'government', regionId: county });
const enterprises = (county: string): ScopeUnit[] =>
  Array.from({ length: 10 }, (_, n) => ({
    unitId: `${county}-u${n}`,
    name: `${county}企业${n}`,
    kind: 'enterprise',
    regionId: county,
    industryId: 'construction',
  }));
const ROSTER = COUNTIES.flatMap((county) => [government(county), ...enterprises(county)]);
const actorOf = (unit: ScopeUnit) => ({ id: `${unit.unitId}-officer`, name: `${unit.name} 联络员`, role: 'unit' as const, unitId: unit.unitId });

const harness = useTimeSkippingHarness('cascade');

describe('a city campaign that cascades to three counties (比照落实, 一日一汇总)', () => {
  it("escalates the county that missed its roll-up at the county, a unit that missed its report at the unit, and shows the city each county's roll-up", async () => {
    const { env, dataSource } = harness;
    const { campaignId, campaign, unit, day, startsAt } = await launchRosterCampaign(harness, CASCADE, ROSTER);
    const file = (u: ScopeUnit, obligationId: string, content: string) =>
      unit(u.unitId).executeUpdate(submitReportUpdate, { args: [{ actor: actorOf(u), obligationId, zero: false, content }] });
    // Every unit reports but west-u9; east and west roll up, north does not.
    for (const u of ROSTER.filter((r) => r.kind === 'enterprise' && r.unitId !== 'west-u9')) await file(u, `report:daily:${day}`, '今日排查正常');
    await file(government('east'), `report:county-daily:${day}`, '东区10家企业全部报送');
    await file(government('west'), `report:county-daily:${day}`, '西区9家报送，1家未报已督促');
    // A government owes no unit report: the units' daily is no obligation of the county's.
    const notOwed = await file(government('north'), `report:daily:${day}`, 'x').catch((e) => e);
    expect(String(notOwed.cause?.message ?? notOwed.message)).toMatch(/obligation/i);

    await env.sleep(startsAt + 13 * HOUR_MS - (await env.currentTimeMs()));
    const stateOf = async (unitId: string) => (await unit(unitId).query(unitViewQuery)).state;
    const north = await stateOf('north-gov');
    expect(north.missedOpen).toEqual([`report:county-daily:${day}`]);
    expect(north.escalations.map((e) => e.stepId)).toEqual(['county-remind']);
    for (const county of ['east', 'west']) {
      expect((await stateOf(`${county}-gov`)).escalations).toEqual([]);
    }
    const late = await stateOf('west-u9');
    expect(late.missedOpen).toEqual([`report:daily:${day}`]);
    expect(late.escalations.map((e) => e.stepId)).toEqual(['remind']);
    for (const u of ROSTER.filter((r) => r.kind === 'enterprise' && r.unitId !== 'west-u9').slice(0, 5)) {
      expect((await stateOf(u.unitId)).escalations).toEqual([]);
    }

    // What the city reads: the ledger as projected, through the domain's roll-up rule.
    const inputs = await new CampaignLedgerReader(dataSource).rollUpInputs(campaignId, day);
    const schedule = buildCampaignSchedule(CASCADE, new Date(startsAt), {});
    const rollUps = rollUpsOfDay(CASCADE, schedule, inputs.roster, inputs.submissions, day, new Date(await env.currentTimeMs()));
    expect(rollUps.map((r) => [r.government.unitId, r.rollUp.status, r.rollUp.content ?? null, r.units.reported.length, r.units.missing])).toEqual([
      ['east-gov', 'on_time', '东区10家企业全部报送', 10, []],
      ['west-gov', 'on_time', '西区9家报送，1家未报已督促', 9, ['west-u9']],
      ['north-gov', 'missing', null, 10, []],
    ]);
    const countyEscalations: Array<{ unit_id: string }> = await dataSource.query(
      `select unit_id from campaign_event where campaign_id = $1 and type = 'escalated' order by unit_id`,
      [campaignId],
    );
    expect(countyEscalations.map((e) => e.unit_id)).toEqual(['north-gov', 'west-u9']);

    await campaign.executeUpdate(closeCampaignUpdate, { args: [{ actor: office, reason: '测试结束' }] });
    expect((await campaign.result()).status).toBe('closed');
    const histories = await fetchHistories(env.client, [campaign.workflowId, unit('north-gov').workflowId, unit('west-u9').workflowId]);
    maybeRecordFixtures('campaign-cascade', histories);
    expect(await replayAll(histories)).toBe(3);
  });
});
