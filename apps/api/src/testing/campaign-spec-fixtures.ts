import { useSpecApp } from './use-spec-app';
import type { Actor, ScopeUnit } from '@duban/domain';
import { CampaignLedgerReader, CampaignTaskReader, HazardLedgerReader, RegistryReader, WorkCalendarYears } from '@duban/persistence';
import { InMemoryWorkCalendarYears } from './in-memory-work-calendar';
import { campaignTasksOf } from './in-memory-campaign-tasks';
import { CAMPAIGN_TEMPLATE_STORE } from '../campaigns/campaign-template-store';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { office } from './actors';
import { FakeCampaignWorld, NOW } from './fake-campaign-world';
import { startTestApp, type TestApp } from './start-test-app';

export { clone, NOW } from './fake-campaign-world';

/** What the campaign HTTP specs launch: a hundred-day drive over two counties, two industries and three units. */
export const SECRET = 'campaign-http-spec-secret';
export const STARTS_AT = '2026-03-02T00:00:00+08:00';

export const REGIONS = [
  { id: 'county-east', name: '东城区' },
  { id: 'county-west', name: '西城区' },
];
export const INDUSTRIES = [
  { id: 'construction', name: '建筑施工' },
  { id: 'chemicals', name: '危险化学品' },
];
export const UNITS: ScopeUnit[] = [
  { unitId: 'unit-a', name: '甲建设集团', kind: 'enterprise', regionId: 'county-east', industryId: 'construction' },
  { unitId: 'unit-b', name: '乙化工公司', kind: 'enterprise', regionId: 'county-west', industryId: 'chemicals' },
  { unitId: 'town-1', name: '东城街道', kind: 'government', regionId: 'county-east' },
];

export function launchBody(overrides: Record<string, unknown> = {}, scope: Record<string, unknown> = {}) {
  return {
    name: '2026年春季百日安全生产活动',
    templateId: 'hundred-day-drive',
    scope: { regions: REGIONS, industries: INDUSTRIES, units: UNITS, leadLeader: '分管副市长 王某', leadDepartment: '市应急管理局', ...scope },
    startsAt: STARTS_AT,
    ...overrides,
  };
}

/** What the campaigns module reads, replaced by `world`'s in-memory stand-ins (every spec that mounts the module uses these). */
export function campaignWorldOverrides(
  world: FakeCampaignWorld,
  calendarYears = new InMemoryWorkCalendarYears(),
): Array<readonly [unknown, unknown]> {
  return [
    [CampaignLedgerReader, world.ledger],
    [HazardLedgerReader, world.hazards],
    [CAMPAIGN_TEMPLATE_STORE, world.templates],
    [RegistryReader, world.registry],
    [WorkCalendarYears, calendarYears],
    [CampaignTaskReader, campaignTasksOf(world)],
  ];
}

/** The campaigns API over `client` (default: `world.client`) and `world`'s ledger and template store, listening on a free port. */
export function startCampaignApp(world: FakeCampaignWorld, client: unknown = world.client, registrationTimeoutMs?: number): Promise<TestApp> {
  return startTestApp({
    secret: SECRET,
    now: NOW,
    client,
    imports: [CampaignsModule],
    overrides: campaignWorldOverrides(world),
    registrationTimeoutMs,
  });
}

/** Launches `body` as the office; answers the campaign id. */
export async function launchCampaign(api: TestApp, body: object = launchBody(), as: Actor = office): Promise<string> {
  const res = await api.call('POST', '/campaigns', as, body);
  if (res.status !== 201) throw new Error(`launching the sample campaign answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.campaignId;
}

/** A fresh world per spec file, emptied of recorded calls before each test. */
export function campaignSpecWorld() {
  const world = new FakeCampaignWorld();
  return {
    world,
    reset() {
      world.started.length = 0;
      world.updates.length = 0;
      world.unitFilters.length = 0;
      world.reportDays.length = 0;
      world.registry.asOfs.length = 0;
      world.registry.reads.length = 0;
      world.registry.places.clear();
    },
  };
}

/** The campaign app for one spec file: its world, and the app started, closed and reset around its tests. */
export function useCampaignSpecApp() {
  const { world, reset } = campaignSpecWorld();
  return Object.assign(
    useSpecApp(() => startCampaignApp(world), reset),
    { world },
  );
}
