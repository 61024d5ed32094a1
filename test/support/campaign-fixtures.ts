import type { CampaignLaunch, CampaignScope, CampaignTemplate, ScopeUnit } from '@duban/domain';

/** Two counties and two industries: enough for a coverage matrix with a gap (监管盲区). */
export const REGIONS = [
  { id: 'county-east', name: '东城区' },
  { id: 'county-west', name: '西城区' },
];
export const INDUSTRIES = [
  { id: 'construction', name: '建筑施工' },
  { id: 'chemicals', name: '危险化学品' },
];

export const diligentUnit: ScopeUnit = {
  unitId: 'u-diligent',
  name: '东城建设集团',
  kind: 'enterprise',
  regionId: 'county-east',
  industryId: 'construction',
};
export const negligentUnit: ScopeUnit = {
  unitId: 'u-negligent',
  name: '西城化工公司',
  kind: 'enterprise',
  regionId: 'county-west',
  industryId: 'chemicals',
};
export const lateJoiner: ScopeUnit = {
  unitId: 'u-late-joiner',
  name: '东城化工储运',
  kind: 'enterprise',
  regionId: 'county-east',
  industryId: 'chemicals',
};

export function scopeOf(units: ScopeUnit[]): CampaignScope {
  return { regions: REGIONS, industries: INDUSTRIES, units, leadLeader: '分管副市长 王', leadDepartment: '市应急管理局' };
}

export function launchOf(campaignId: string, template: CampaignTemplate, units: ScopeUnit[], startsAt: number): CampaignLaunch {
  return {
    campaignId,
    name: `${template.name} (test ${campaignId.slice(0, 8)})`,
    template,
    scope: scopeOf(units),
    startsAt: new Date(startsAt).toISOString(),
  };
}

/** A roster of `count` enterprises spread over the regions and industries (for the large-launch benchmark). */
export function manyUnits(count: number): ScopeUnit[] {
  return Array.from({ length: count }, (_, i) => ({
    unitId: `unit-${String(i).padStart(5, '0')}`,
    name: `企业${i}`,
    kind: 'enterprise' as const,
    regionId: REGIONS[i % REGIONS.length].id,
    industryId: INDUSTRIES[Math.floor(i / REGIONS.length) % INDUSTRIES.length].id,
  }));
}

/**
 * A small custom template for workflow tests: the parts a test states (id, name, phases, reports,
 * and escalation when it matters) over empty targets, check items, activities and tiers.
 */
export function testTemplate(parts: Pick<CampaignTemplate, 'id' | 'name' | 'phases' | 'reports'> & Partial<CampaignTemplate>): CampaignTemplate {
  return {
    kind: 'custom',
    description: 'test fixture',
    source: 'test fixture',
    targets: [],
    coverage: { regions: true, units: true, industries: true },
    checkItems: [],
    activities: [],
    inspectionTiers: [],
    escalation: [{ id: 'remind', instrument: 'reminder', afterMissed: 1 }],
    ...parts,
  };
}
