import type { Actor } from '../actor';
import type { CampaignLaunch, ScopeUnit } from '../campaign/campaign-scope';
import type { CampaignTemplate } from '../campaign/campaign-template';

/** Monday 2 March 2026, 09:00 in Beijing: the campaign starts, and the units are enrolled. */
export const CAMPAIGN_START = new Date('2026-03-02T01:00:00Z');
export const HOUR_MS = 3600_000;
/** `hours` after the campaign starts. */
export const afterStart = (hours: number) => new Date(CAMPAIGN_START.getTime() + hours * HOUR_MS);

/**
 * Two five-day phases, a daily report due 17:00 (09:00Z) that allows a zero report, a
 * deliverable four days into the first phase, two inspection tiers and two check items:
 * small enough to count every obligation by hand.
 */
export const TWO_PHASE_TEMPLATE: CampaignTemplate = {
  id: 'two-phase-spec',
  name: '两阶段测试活动 (two-phase spec campaign)',
  kind: 'custom',
  description: 'spec fixture',
  source: 'spec fixture',
  phases: [
    {
      id: 'self-check',
      name: '自查自纠',
      duration: { amount: 5, unit: 'days' },
      deliverables: [{ id: 'self-check-report', name: '自查报告', dueAfter: { amount: 4, unit: 'days' } }],
    },
    { id: 'rectify', name: '集中整治', duration: { amount: 5, unit: 'days' }, deliverables: [{ id: 'rectify-ledger', name: '整治台账' }] },
  ],
  reports: [{ id: 'daily', name: '一日一报', cadence: 'daily', cutoff: '17:00', zeroReportAllowed: true }],
  targets: [],
  coverage: { regions: true, units: true, industries: true },
  checkItems: [
    { id: 'fire-exits', text: '安全出口畅通' },
    { id: 'hot-work', text: '动火作业审批' },
  ],
  activities: [],
  inspectionTiers: [
    { id: 'self', name: '企业自查' },
    { id: 'county', name: '县级检查' },
  ],
  escalation: [{ id: 'remind', instrument: 'reminder', afterMissed: 1 }],
};

export const eastWorks: ScopeUnit = {
  unitId: 'u-east',
  name: '东城建设集团',
  kind: 'enterprise',
  regionId: 'county-east',
  industryId: 'construction',
};
export const westChem: ScopeUnit = { unitId: 'u-west', name: '西城化工公司', kind: 'enterprise', regionId: 'county-west', industryId: 'chemicals' };

export const officeLi: Actor = { id: 'office-li', name: '安委办 李主任', role: 'office' };
export const inspectorZhang: Actor = { id: 'inspector-zhang', name: '检查组 张工', role: 'inspector' };
export const auditorChen: Actor = { id: 'auditor-chen', name: '纪委监委 陈', role: 'auditor' };
/** The person who reports for a unit. */
export const reporterOf = (unit: ScopeUnit): Actor => ({ id: `${unit.unitId}-wang`, name: `${unit.name} 王经理`, role: 'unit', unitId: unit.unitId });

export const TWO_COUNTY_LAUNCH: CampaignLaunch = {
  campaignId: 'camp-spec',
  name: '两县专项行动 (spec)',
  template: TWO_PHASE_TEMPLATE,
  scope: {
    regions: [
      { id: 'county-east', name: '东城区' },
      { id: 'county-west', name: '西城区' },
    ],
    industries: [
      { id: 'construction', name: '建筑施工' },
      { id: 'chemicals', name: '危险化学品' },
    ],
    units: [eastWorks, westChem],
    leadLeader: '分管副市长 王',
    leadDepartment: '市应急管理局',
  },
  startsAt: CAMPAIGN_START.toISOString(),
};
