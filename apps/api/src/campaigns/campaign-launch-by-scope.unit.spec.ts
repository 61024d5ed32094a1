import { describe, expect, it } from 'vitest';
import type { CampaignWorkflowInput } from '@duban/workflows';
import { office } from '../testing/actors';
import { launchBody, STARTS_AT, UNITS, useCampaignSpecApp } from '../testing/campaign-spec-fixtures';

/** 发起专项行动 by scope: the registry's units (单位库) matching a selector as of the start become the roster. */
const spec = useCampaignSpecApp();
const { world, call } = spec;

const byScope = (selector: object, scope: Record<string, unknown> = {}) => {
  const body = launchBody();
  const { leadLeader, leadDepartment } = body.scope;
  return { ...body, scope: { leadLeader, leadDepartment, selector, ...scope } };
};
const launchedInput = () => (world.started[0].options.args as CampaignWorkflowInput[])[0];

describe('launching a campaign over a scope of the registry', () => {
  it('records the units of the selected region and below as of the start, with their region paths, regions and industries', async () => {
    const res = await call('POST', '/campaigns', office, byScope({ regionIds: ['370102'] }));
    expect(res.status).toBe(201);
    // The scope query, then only the regions and industries the matched units name; never the whole registry.
    const asOf = new Date(STARTS_AT);
    expect(world.registry.reads).toEqual([
      { read: 'scope', asOf },
      { read: 'regions', asOf },
      { read: 'industries', asOf },
    ]);
    const { scope } = launchedInput().launch!;
    expect(scope.units).toEqual([
      {
        unitId: 'jiefang-chem',
        name: '解放路化工',
        kind: 'enterprise',
        regionId: '370102001',
        industryId: 'chemicals',
        regionPath: ['370100', '370102', '370102001'],
      },
      {
        unitId: 'lixia-build',
        name: '历下建设集团',
        kind: 'enterprise',
        regionId: '370102',
        industryId: 'construction',
        regionPath: ['370100', '370102'],
      },
      { unitId: 'lixia-gov', name: '历下区人民政府', kind: 'government', regionId: '370102', regionPath: ['370100', '370102'] },
    ]);
    expect(scope.regions).toEqual([
      { id: '370102', name: '历下区' },
      { id: '370102001', name: '解放路街道' },
    ]);
    expect(scope.industries).toEqual([
      { id: 'chemicals', name: '危险化学品' },
      { id: 'construction', name: '建筑施工' },
    ]);
    expect(scope.leadDepartment).toBe('市应急管理局');
  });

  it('narrows by industry, kind and status: the unlicensed count as well as the producing', async () => {
    await call('POST', '/campaigns', office, byScope({ regionIds: ['370100'], kinds: ['enterprise'], statuses: ['producing', 'unlicensed'] }));
    expect(launchedInput().launch!.scope.units.map((u) => u.unitId)).toEqual(['jiefang-chem', 'lixia-build', 'shizhong-build']);
    world.started.length = 0;
    await call('POST', '/campaigns', office, byScope({ industryIds: ['construction'] }));
    expect(launchedInput().launch!.scope.units.map((u) => u.unitId)).toEqual(['lixia-build', 'shizhong-build']);
  });

  it('launches over governments only (比照落实: counties set up their own), by selector or by a roster in the body, with no industry', async () => {
    const res = await call('POST', '/campaigns', office, byScope({ kinds: ['government'] }));
    expect(res.status).toBe(201);
    const { scope } = launchedInput().launch!;
    expect(scope.units.map((u) => u.unitId)).toEqual(['lixia-gov']);
    expect(scope.industries).toEqual([]);
    const governments = UNITS.filter((u) => u.kind === 'government');
    expect(governments.length).toBeGreaterThan(0);
    const inBody = await call('POST', '/campaigns', office, launchBody({}, { units: governments, industries: [] }));
    expect(inBody.status).toBe(201);
    // An enterprise on the roster still needs its industry named.
    const enterprises = await call('POST', '/campaigns', office, launchBody({}, { industries: [] }));
    expect(enterprises).toMatchObject({ status: 400, body: { code: 'input.too_few', field: 'scope.industries' } });
  });

  it('refuses both a roster and a selector, neither, an unknown kind, and a selector nothing matches, naming the field; nothing starts', async () => {
    const both = await call('POST', '/campaigns', office, launchBody({}, { selector: { regionIds: ['370102'] } }));
    expect(both).toMatchObject({ status: 400, body: { code: 'campaign.scope.roster_choice_ambiguous', field: 'scope.selector' } });
    const neither = await call('POST', '/campaigns', office, byScope({}, { selector: undefined }));
    expect(neither).toMatchObject({ status: 400, body: { code: 'campaign.scope.roster_choice_missing', field: 'scope.units' } });
    const badKind = await call('POST', '/campaigns', office, byScope({ kinds: ['factory'] }));
    expect(badKind).toMatchObject({ status: 400, body: { field: 'scope.selector.kinds' } });
    const empty = await call('POST', '/campaigns', office, byScope({ regionIds: ['999999'] }));
    expect(empty).toMatchObject({ status: 400, body: { code: 'campaign.scope.selector_empty', field: 'scope.selector' } });
    expect(world.started).toHaveLength(0);
  });
});
