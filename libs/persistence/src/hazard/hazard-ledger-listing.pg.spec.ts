import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor, HazardReport, ListingLevel } from '@duban/domain';
import { act, INSPECTOR, joined, reportHazard, unitActor, type Hazard } from '../testing/hazard-fixtures';
import { useLedgerDatabase } from '../testing/ledger-database';
import { HazardLedgerReader } from './hazard-ledger-reader';
import { HazardLedgerWriter } from './hazard-ledger-writer';

// 挂牌督办 by level in the ledger (seed 002 篇四: "市安委会挂牌督办的重大隐患多达35项"): a city
// committee lists 35 major hazards; the list by level answers exactly those, and the summary counts them.

const T0 = new Date('2026-08-03T01:00:00.000Z');
const days = (n: number) => new Date(T0.getTime() + n * 86_400_000);
const CITY_OFFICE: Actor = { id: 'city-office-zhou', name: '市安委办 周主任', role: 'office', unitId: 'city-aqw', regionId: '411700' };
const COUNTY_OFFICE: Actor = { id: 'county-office-wu', name: '县安委办 吴主任', role: 'office', unitId: 'county-aqw', regionId: '411721' };

const report = (hazardId: string, over: Partial<HazardReport> = {}): Hazard =>
  reportHazard(hazardId, { deadline: days(60).toISOString(), unitId: `unit-${hazardId}`, ...over }, T0, INSPECTOR);

const listed = (h: Hazard, by: Actor, level: ListingLevel, day: number): Hazard =>
  joined(
    h,
    act(
      h,
      { type: 'list_for_supervision', actor: by, level, tracker: { name: `${by.name} 督办`, unitId: by.unitId }, reason: '挂牌督办' },
      days(day),
    ),
  );

describe('hazard ledger by listing level on PostgreSQL', () => {
  const db = useLedgerDatabase('hazard_listing');
  let reader: HazardLedgerReader;
  const cityListed: string[] = [];

  beforeAll(async () => {
    const writer = new HazardLedgerWriter(db.dataSource);
    reader = new HazardLedgerReader(db.dataSource);
    // 35 major hazards: listed by the policy on report (county), then raised to city by the city committee.
    for (let i = 1; i <= 35; i++) {
      const id = `M-${String(i).padStart(2, '0')}`;
      cityListed.push(id);
      await writer.record(listed(report(id, { grade: 'major', deadline: days(30 + i).toISOString() }), CITY_OFFICE, 'city', 1));
    }
    // Listed by a county committee, then fixed, signed off and its listing closed (销号).
    const county = listed(report('G-county'), COUNTY_OFFICE, 'county', 1);
    const claimed = joined(county, act(county, { type: 'claim_completion', actor: unitActor('unit-G-county'), summary: '已整改' }, days(2)));
    const signedOff = joined(claimed, act(claimed, { type: 'verify', actor: INSPECTOR, decision: 'accept', comment: '验收合格' }, days(3)));
    await writer.record(joined(signedOff, act(signedOff, { type: 'delist', actor: COUNTY_OFFICE, reason: '县安委会同意销号' }, days(4))));
    // Listed by the province; and two hazards never listed.
    await writer.record(listed(report('G-province'), { ...CITY_OFFICE, regionId: '410000', unitId: 'province-aqw' }, 'province', 1));
    await writer.record(report('G-plain-1'));
    await writer.record(report('G-plain-2'));
  });

  it('lists exactly the hazards a level listed, in deadline order', async () => {
    const city = await reader.list({ listingLevel: 'city', limit: 100 });
    expect(city.total).toBe(35);
    expect(city.items.map((r) => r.hazardId)).toEqual(cityListed);
    expect(city.items.every((r) => r.grade === 'major' && r.listingRegionId === '411700')).toBe(true);
    expect(city.items[0]).toMatchObject({
      listingLevel: 'city',
      listingTracker: { name: '市安委办 周主任 督办', unitId: 'city-aqw' },
      listedAt: T0.toISOString(),
      delistedAt: null,
    });
    expect((await reader.list({ listingLevel: 'county' })).items).toMatchObject([
      { hazardId: 'G-county', listingRegionId: '411721', status: 'signed_off', delistedAt: days(4).toISOString() },
    ]);
    expect((await reader.list({ listingLevel: 'province' })).items.map((r) => r.hazardId)).toEqual(['G-province']);
    expect((await reader.list({ listingLevel: 'city', grade: 'general' })).total).toBe(0);
    expect(await reader.get('G-plain-1')).toMatchObject({ listedForSupervision: false, listingLevel: null, listingTracker: null, listedAt: null });
  });

  it('counts listed hazards by level, and the closed listings', async () => {
    expect(await reader.summary({})).toMatchObject({
      total: 39,
      listedForSupervision: 37,
      byListingLevel: { county: 1, city: 35, province: 1 },
      delisted: 1,
    });
    expect(await reader.summary({ unitId: 'unit-M-07' })).toMatchObject({ total: 1, byListingLevel: { county: 0, city: 1, province: 0 } });
  });
});
