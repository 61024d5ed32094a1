import { randomUUID } from 'node:crypto';
import { cstDate, cstDayStart, type CampaignLaunch, type CampaignScope, type CampaignTemplate, type ScopeUnit } from '@duban/domain';
import { awaitCampaignRegisteredUpdate, campaignWorkflowId, unitObligationsWorkflowId, unitViewQuery } from '@duban/workflows';
import { campaignWorkflow } from '../../workflows/src/campaign/campaign.workflow';
import { untilQueryable } from './dev-server';
import { DAY_MS, office } from './hazard-fixtures';
import type { TimeSkippingHarness } from './time-skipping-env';

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

const HOUR_MS = 3600_000;

/**
 * Launches `template` over `roster` as the office, starting 08:00 China time on the day after
 * the test server's clock; waits until the campaign is registered and every unit's workflow
 * answers, then skips to an hour after the start. Answers the campaign's handle, a unit's
 * handle by id, and the start.
 */
export async function launchRosterCampaign(harness: Pick<TimeSkippingHarness, 'env' | 'taskQueue'>, template: CampaignTemplate, roster: ScopeUnit[]) {
  const { env } = harness;
  const campaignId = randomUUID();
  const day = cstDate(new Date((await env.currentTimeMs()) + DAY_MS));
  const startsAt = cstDayStart(day).getTime() + 8 * HOUR_MS;
  const campaign = await env.client.workflow.start(campaignWorkflow, {
    taskQueue: harness.taskQueue,
    workflowId: campaignWorkflowId(campaignId),
    args: [{ launch: launchOf(campaignId, template, roster, startsAt), launchedBy: office }],
  });
  await campaign.executeUpdate(awaitCampaignRegisteredUpdate);
  const unit = (unitId: string) => env.client.workflow.getHandle(unitObligationsWorkflowId(campaignId, unitId));
  for (const u of roster) await untilQueryable(() => unit(u.unitId).query(unitViewQuery));
  await env.sleep(startsAt + HOUR_MS - (await env.currentTimeMs()));
  return { campaignId, campaign, unit, day, startsAt };
}
