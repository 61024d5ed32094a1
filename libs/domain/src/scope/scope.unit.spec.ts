import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { CAMPAIGN_PERMISSIONS } from '../campaign/campaign-permissions';
import { HAZARD_PERMISSIONS } from '../hazard/hazard-permissions';
import { authorize, type PermissionTable } from '../permissions';
import { DomainRejection } from '../rejection';
import { listBounds, withinBounds } from './list-bounds';
import type { Place } from './place';
import { authorizeCampaignManage, authorizeCampaignRead, type CampaignPlace } from './campaign-scope';
import { sharesLineWith } from './territory';

// A province 33 with two counties of one city: 330106 (with town 330106001) and 330108.
const PATH = {
  province: ['33'],
  city: ['33', '3301'],
  county: ['33', '3301', '330106'],
  town: ['33', '3301', '330106', '330106001'],
  nextCounty: ['33', '3301', '330108'],
};
const place = (unitId: string, regionPath: string[] | null, industryPath: string[] | null = null): Place => ({ unitId, regionPath, industryPath });
const PLACES = {
  chemicalsInTown: place('chem-town', PATH.town, ['industry', 'chemicals']),
  fireworksInCounty: place('fireworks-county', PATH.county, ['industry', 'chemicals', 'fireworks']),
  mineInCounty: place('mine-county', PATH.county, ['industry', 'mining']),
  chemicalsNextCounty: place('chem-next', PATH.nextCounty, ['industry', 'chemicals']),
  countyGovernment: place('gov-county', PATH.county),
  departmentItself: place('dept-chem', PATH.county),
  unregistered: place('unit-x', null),
};

const countyOffice: Actor = { id: 'o', name: '县安委办', role: 'office', regionId: '330106' };
const cityAuditor: Actor = { id: 'a', name: '市纪委', role: 'auditor', regionId: '3301' };
const topOffice: Actor = { id: 't', name: '省安委办', role: 'office' };
const department: Actor = { id: 'd', name: '县应急局化工股', role: 'unit', unitId: 'dept-chem', regionId: '330106', industryId: 'chemicals' };
const enterprise: Actor = { id: 'e', name: '化工企业', role: 'unit', unitId: 'chem-town', regionId: '330106001' };

function outcome(table: PermissionTable<string>, action: string, actor: Actor, object: Place): string {
  try {
    authorize(table, action, actor, object);
    return 'allowed';
  } catch (error) {
    if (!(error instanceof DomainRejection)) throw error;
    return error.code;
  }
}

describe('territory (属地): an account that names a region acts within it and below it', () => {
  it('lets a county office act in its county and its towns, not in the next county nor on a unit the registry lacks', () => {
    const verify = (p: Place) => outcome(HAZARD_PERMISSIONS, 'verify', countyOffice, p);
    expect(verify(PLACES.chemicalsInTown)).toBe('allowed');
    expect(verify(PLACES.countyGovernment)).toBe('allowed');
    expect(verify(PLACES.chemicalsNextCounty)).toBe('permission.outside_territory');
    expect(verify(PLACES.unregistered)).toBe('permission.outside_territory');
  });

  it('says which territory it lacks', () => {
    expect(() => authorize(HAZARD_PERMISSIONS, 'verify', countyOffice, PLACES.chemicalsNextCounty)).toThrow(
      'office of region 330106 acts only within it and the regions below it (属地管理); unit chem-next is in 33/3301/330108',
    );
  });

  it('binds an account without a region to no territory, and checks only the unit where the place is not known', () => {
    expect(outcome(HAZARD_PERMISSIONS, 'verify', topOffice, PLACES.unregistered)).toBe('allowed');
    expect(() => authorize(HAZARD_PERMISSIONS, 'verify', countyOffice, 'chem-next')).not.toThrow();
  });

  it('sees the campaign of a region above on its line, not one of the next county', () => {
    expect(sharesLineWith(countyOffice, PATH.county, PATH.city)).toBe(true);
    expect(sharesLineWith(countyOffice, PATH.county, PATH.town)).toBe(true);
    expect(sharesLineWith(countyOffice, PATH.county, PATH.nextCounty)).toBe(false);
    expect(sharesLineWith(countyOffice, PATH.county, null)).toBe(false);
    expect(sharesLineWith(topOffice, null, PATH.nextCounty)).toBe(true);
  });
});

describe('industry (行业): a department reads its industry within its territory, acts on its own unit only', () => {
  it('reads the units of its industry and the industries below it, in its territory', () => {
    const read = (p: Place) => outcome(HAZARD_PERMISSIONS, 'read', department, p);
    expect(read(PLACES.chemicalsInTown)).toBe('allowed');
    expect(read(PLACES.fireworksInCounty)).toBe('allowed');
    expect(read(PLACES.departmentItself)).toBe('allowed');
    expect(read(PLACES.mineInCounty)).toBe('permission.outside_industry');
    expect(read(PLACES.countyGovernment)).toBe('permission.outside_industry');
    expect(read(PLACES.chemicalsNextCounty)).toBe('permission.outside_territory');
  });

  it('acts only on its own unit, and an enterprise reads only its own', () => {
    expect(outcome(HAZARD_PERMISSIONS, 'submit_plan', department, PLACES.chemicalsInTown)).toBe('permission.own_unit_only');
    expect(outcome(HAZARD_PERMISSIONS, 'read', enterprise, PLACES.fireworksInCounty)).toBe('permission.own_unit_only');
    expect(outcome(HAZARD_PERMISSIONS, 'read', enterprise, PLACES.chemicalsInTown)).toBe('allowed');
  });
});

describe('listBounds: a list answers exactly the rows its caller may read one by one', () => {
  const actors = [countyOffice, cityAuditor, topOffice, department, enterprise];
  const places = Object.values(PLACES);

  it.each(actors.map((a) => [a.name, a] as const))('agrees with authorize for %s', (_name, actor) => {
    for (const table of [HAZARD_PERMISSIONS, CAMPAIGN_PERMISSIONS] as PermissionTable<string>[]) {
      const bounds = listBounds(table, 'read', actor);
      const listed = places.filter((p) => withinBounds(bounds, p)).map((p) => p.unitId);
      const readable = places.filter((p) => outcome(table, 'read', actor, p) === 'allowed').map((p) => p.unitId);
      expect(listed).toEqual(readable);
    }
  });

  it('confines a unit to its own rows, refuses it another unit, and narrows the others to the unit asked for', () => {
    expect(listBounds(HAZARD_PERMISSIONS, 'read', enterprise)).toEqual({ unitId: 'chem-town' });
    expect(() => listBounds(HAZARD_PERMISSIONS, 'read', enterprise, 'mine-county')).toThrow('may act only on its own hazards');
    expect(listBounds(HAZARD_PERMISSIONS, 'read', countyOffice, 'mine-county')).toEqual({ unitId: 'mine-county', regionId: '330106' });
    expect(listBounds(HAZARD_PERMISSIONS, 'read', topOffice)).toEqual({});
    expect(listBounds(HAZARD_PERMISSIONS, 'read', department)).toEqual({ regionId: '330106', industryId: 'chemicals', orUnitId: 'dept-chem' });
  });

  it('refuses a unit asked for outside the scope with the scope it lacks, when its place is known', () => {
    expect(() => listBounds(HAZARD_PERMISSIONS, 'read', countyOffice, PLACES.chemicalsNextCounty)).toThrow('属地管理');
    expect(() => listBounds(HAZARD_PERMISSIONS, 'read', department, PLACES.mineInCounty)).toThrow('行业监管');
  });
});

describe('campaigns (比照落实): read on the line of the region that launched them, decided within it', () => {
  const campaign = (regionId: string | null, regionPath: string[] | null): CampaignPlace => ({ campaignId: 'c', regionId, regionPath });
  const code = (fn: () => void) => {
    try {
      fn();
      return 'allowed';
    } catch (error) {
      if (!(error instanceof DomainRejection)) throw error;
      return error.code;
    }
  };
  const cityCampaign = campaign('3301', PATH.city);
  const countyCampaign = campaign('330106', PATH.county);
  const nextCountyCampaign = campaign('330108', PATH.nextCounty);
  const topCampaign = campaign(null, null);

  it("lets a county read its own, its city's and the top office's campaigns, not the next county's", () => {
    const read = (c: CampaignPlace) => code(() => authorizeCampaignRead(countyOffice, PATH.county, c));
    expect([cityCampaign, countyCampaign, topCampaign].map(read)).toEqual(['allowed', 'allowed', 'allowed']);
    expect(read(nextCountyCampaign)).toBe('permission.outside_territory');
    expect(read(campaign('9999', null))).toBe('permission.outside_territory');
  });

  it('lets a county decide only its own campaigns; an account bound by no territory decides all', () => {
    const manage = (actor: Actor, c: CampaignPlace) => code(() => authorizeCampaignManage(actor, c));
    expect(manage(countyOffice, countyCampaign)).toBe('allowed');
    expect(manage(countyOffice, cityCampaign)).toBe('permission.outside_territory');
    expect(manage(countyOffice, topCampaign)).toBe('permission.outside_territory');
    expect(() => authorizeCampaignManage(countyOffice, cityCampaign)).toThrow('campaign c was launched in 33/3301');
    expect([cityCampaign, nextCountyCampaign, topCampaign].map((c) => manage(topOffice, c))).toEqual(['allowed', 'allowed', 'allowed']);
  });
});
