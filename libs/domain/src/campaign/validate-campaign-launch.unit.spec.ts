import { describe, expect, it } from 'vitest';
import { DomainRejection } from '../rejection';
import type { CampaignLaunch, ScopeUnit } from './campaign-scope';
import { CONSTRUCTION_HAZARD_SWEEP_TEMPLATE } from './shipped-templates';
import { MAX_CAMPAIGN_UNITS, validateCampaignLaunch } from './validate-campaign-launch';

const now = new Date('2026-12-20T02:00:00Z');

const launch: CampaignLaunch = {
  campaignId: 'sweep-2027',
  name: '2027年在建工程项目安全隐患大排查',
  template: CONSTRUCTION_HAZARD_SWEEP_TEMPLATE,
  scope: {
    regions: [
      { id: 'zhongshan', name: '钟山区' },
      { id: 'shuicheng', name: '水城区' },
    ],
    industries: [
      { id: 'construction', name: '建筑施工' },
      { id: 'transport', name: '交通运输' },
    ],
    units: [
      { unitId: 'county-zhongshan', name: '钟山区人民政府', kind: 'government', regionId: 'zhongshan' },
      { unitId: 'tunnel-01', name: '某隧道项目部', kind: 'enterprise', regionId: 'zhongshan', industryId: 'transport' },
      { unitId: 'site-02', name: '某住宅项目', kind: 'enterprise', regionId: 'shuicheng', industryId: 'construction' },
    ],
    leadLeader: '王副市长',
    leadDepartment: '市住房城乡建设局',
  },
  startsAt: '2027-01-01T00:00:00+08:00',
};

function fieldOf(edit: (l: CampaignLaunch) => void, at: Date = now): string | undefined {
  const copy = structuredClone(launch);
  edit(copy);
  try {
    validateCampaignLaunch(copy, at);
  } catch (error) {
    if (error instanceof DomainRejection) return error.field;
    throw error;
  }
  throw new Error('expected a DomainRejection');
}

describe('validateCampaignLaunch (发起专项行动校验)', () => {
  it('accepts a well-formed launch', () => {
    expect(() => validateCampaignLaunch(launch, now)).not.toThrow();
  });

  it('validates the template, prefixing its field paths with template.', () => {
    expect(fieldOf((l) => (l.template.phases[0]!.duration.amount = 0))).toBe('template.phases[0].duration.amount');
    expect(fieldOf((l) => (l.template.reports[0]!.cutoff = '25:00'))).toBe('template.reports[0].cutoff');
  });

  it('requires a campaign id and a name of at most 200 characters', () => {
    expect(fieldOf((l) => (l.campaignId = 'no spaces please'))).toBe('campaignId');
    expect(fieldOf((l) => (l.name = ' '))).toBe('name');
    expect(fieldOf((l) => (l.name = '名'.repeat(201)))).toBe('name');
    expect(() => validateCampaignLaunch({ ...launch, name: '名'.repeat(200) }, now)).not.toThrow();
  });

  it('rejects an empty scope, and empty regions or industries', () => {
    expect(fieldOf((l) => (l.scope.units = []))).toBe('scope.units');
    expect(fieldOf((l) => (l.scope.regions = []))).toBe('scope.regions');
    expect(fieldOf((l) => (l.scope.industries = []))).toBe('scope.industries');
    expect(fieldOf((l) => (l.scope.regions[1]!.id = 'zhongshan'))).toBe('scope.regions[1].id');
    expect(fieldOf((l) => (l.scope.industries[0]!.name = ''))).toBe('scope.industries[0].name');
  });

  it('accepts a roster of governments with no industry (比照落实: counties set up their own), and refuses it once an enterprise joins', () => {
    const governments = (l: CampaignLaunch) => {
      l.scope.units = [
        l.scope.units[0]!,
        { unitId: 'county-shuicheng', name: '水城区人民政府', kind: 'government', regionId: 'shuicheng' },
        { unitId: 'zhongshan-ajj', name: '钟山区应急管理局', kind: 'department', regionId: 'zhongshan' },
      ];
      l.scope.industries = [];
    };
    const onlyGovernments = structuredClone(launch);
    governments(onlyGovernments);
    expect(() => validateCampaignLaunch(onlyGovernments, now)).not.toThrow();
    const withEnterprise = (l: CampaignLaunch) => {
      governments(l);
      l.scope.units.push({ unitId: 'site-03', name: '某商场', kind: 'enterprise', regionId: 'shuicheng' });
    };
    expect(fieldOf(withEnterprise)).toBe('scope.industries');
    // The list itself is still required: absent is not "none".
    expect(fieldOf((l) => (governments(l), delete (l.scope as Partial<CampaignLaunch['scope']>).industries))).toBe('scope.industries');
  });

  it("requires each unit's region and industry to be declared in the scope", () => {
    expect(fieldOf((l) => (l.scope.units[2]!.regionId = 'liuzhi'))).toBe('scope.units[2].regionId');
    expect(fieldOf((l) => (l.scope.units[1]!.industryId = 'mining'))).toBe('scope.units[1].industryId');
  });

  it('rejects duplicate and malformed unit ids, missing names and unknown kinds', () => {
    expect(fieldOf((l) => (l.scope.units[2]!.unitId = 'tunnel-01'))).toBe('scope.units[2].unitId');
    expect(fieldOf((l) => (l.scope.units[0]!.unitId = '单位一'))).toBe('scope.units[0].unitId');
    expect(fieldOf((l) => (l.scope.units[0]!.unitId = ''))).toBe('scope.units[0].unitId');
    expect(fieldOf((l) => (l.scope.units[0]!.unitId = 'x'.repeat(101)))).toBe('scope.units[0].unitId');
    expect(fieldOf((l) => (l.scope.units[1]!.name = ''))).toBe('scope.units[1].name');
    expect(fieldOf((l) => ((l.scope.units[1] as unknown as { kind: string }).kind = 'ngo'))).toBe('scope.units[1].kind');
  });

  it('requires the leader in charge (分管领导) and the lead department (牵头部门)', () => {
    expect(fieldOf((l) => (l.scope.leadLeader = ''))).toBe('scope.leadLeader');
    expect(fieldOf((l) => (l.scope.leadDepartment = '  '))).toBe('scope.leadDepartment');
  });

  it('requires startsAt as an ISO date-time with a zone, at most one day in the past', () => {
    expect(fieldOf((l) => (l.startsAt = 'next Monday'))).toBe('startsAt');
    expect(fieldOf((l) => (l.startsAt = '2027-01-01'))).toBe('startsAt');
    expect(fieldOf((l) => (l.startsAt = '2027-01-01T00:00:00'))).toBe('startsAt');
    expect(fieldOf((l) => (l.startsAt = '2027-02-30T00:00:00Z'))).toBe('startsAt');
    expect(fieldOf((l) => (l.startsAt = '2026-12-19T01:59:59Z'))).toBe('startsAt');
    expect(() => validateCampaignLaunch({ ...launch, startsAt: '2026-12-19T02:00:00Z' }, now)).not.toThrow();
    expect(() => validateCampaignLaunch({ ...launch, startsAt: '2026-12-19T10:00:00.000+08:00' }, now)).not.toThrow();
  });

  it(`accepts ${MAX_CAMPAIGN_UNITS} units and rejects one more`, () => {
    const units = (n: number): ScopeUnit[] =>
      Array.from({ length: n }, (_, i) => ({
        unitId: `u-${i}`,
        name: `单位${i}`,
        kind: 'enterprise',
        regionId: 'zhongshan',
        industryId: 'construction',
      }));
    expect(() => validateCampaignLaunch({ ...launch, scope: { ...launch.scope, units: units(MAX_CAMPAIGN_UNITS) } }, now)).not.toThrow();
    expect(fieldOf((l) => (l.scope.units = units(MAX_CAMPAIGN_UNITS + 1)))).toBe('scope.units');
  });
});
