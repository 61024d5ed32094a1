import { describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { inspector, office, unitA } from '../testing/actors';
import { launchCampaign, useCampaignSpecApp } from '../testing/campaign-spec-fixtures';
import { campaignTasksOf } from '../testing/in-memory-campaign-tasks';

/** 比照落实 and 检查组分工 over HTTP: a county office's own tasks, and inspectors acting within their assignments. */
const spec = useCampaignSpecApp();
const { world, call } = spec;
const eastOffice: Actor = { id: 'o-east', name: '东城区安委办 周', role: 'office', regionId: '370102' };
const otherInspector: Actor = { id: 'i-2', name: '检查组 刘工', role: 'inspector' };

/** The sample campaign, its roster placed in the region tree (济南市 > 历下区 / 市中区) as a launch from the registry would. */
async function launch(): Promise<string> {
  const paths = campaignTasksOf(world).regionPaths;
  const place = (unitId: string, regionPath: string[]) => {
    paths.set(unitId, regionPath);
    world.registry.places.set(unitId, { unitId, regionPath, industryPath: null });
  };
  place('unit-a', ['370100', '370102']);
  place('town-1', ['370100', '370102', '370102001']);
  place('unit-b', ['370100', '370103']);
  world.placeOf = (unitId) => world.registry.places.get(unitId) ?? { unitId, regionPath: null, industryPath: null };
  return launchCampaign(spec.api);
}
const task = (fields: Record<string, unknown> = {}) => ({
  taskId: 'east-plan',
  title: '东城区实施方案',
  evidence: '盖章的实施方案',
  deadline: { within: { amount: 2, unit: 'days' } },
  reason: '落实市级部署',
  ...fields,
});

describe('POST /campaigns/:id/tasks (下达本级任务)', () => {
  it("gives a county office's task to the roster units of its county, lists it with its region, and answers a repeat the same", async () => {
    const id = await launch();
    const added = await call('POST', `/campaigns/${id}/tasks`, eastOffice, task());
    expect(added.status).toBe(201);
    expect(added.headers.get('location')).toBe(`/campaigns/${id}/tasks`);
    expect(added.body.events).toMatchObject([{ type: 'task_added', data: { task: { unitIds: ['unit-a', 'town-1'], regionId: '370102' } } }]);
    expect(world.updates.at(-1)).toMatchObject({ name: 'addTask', args: [{ units: [{ unitId: 'unit-a' }, { unitId: 'town-1' }] }] });

    const repeat = await call('POST', `/campaigns/${id}/tasks`, eastOffice, task());
    expect(repeat).toMatchObject({ status: 201, body: { events: [] } });
    expect(await call('POST', `/campaigns/${id}/tasks`, eastOffice, task({ title: '另一个' }))).toMatchObject({
      status: 409,
      body: { code: 'campaign.task.id_taken' },
    });

    const listed = await call('GET', `/campaigns/${id}/tasks`, office);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toMatchObject([
      {
        taskId: 'east-plan',
        title: '东城区实施方案',
        unitIds: ['unit-a', 'town-1'],
        unitsListed: false,
        regionId: '370102',
        region: { id: '370102', name: '历下区', level: 'county' },
        addedBy: { id: 'o-east' },
      },
    ]);
    // A unit sees what binds it.
    expect((await call('GET', `/campaigns/${id}/tasks`, unitA)).body.items).toMatchObject([{ taskId: 'east-plan', unitIds: ['unit-a'] }]);
  });

  it('refuses a listed unit outside the territory naming it (403), one not on the roster (400), and any role but the office', async () => {
    const id = await launch();
    const outside = await call('POST', `/campaigns/${id}/tasks`, eastOffice, task({ unitIds: ['unit-a', 'unit-b'] }));
    expect(outside).toMatchObject({ status: 403, body: { code: 'permission.outside_territory' } });
    expect(outside.body.detail).toMatch(/unit-b/);
    expect(await call('POST', `/campaigns/${id}/tasks`, eastOffice, task({ unitIds: ['unit-zz'] }))).toMatchObject({
      status: 400,
      body: { code: 'campaign.task.unit_not_on_roster' },
    });
    expect((await call('POST', `/campaigns/${id}/tasks`, inspector, task())).status).toBe(403);
    expect((await call('GET', `/campaigns/${id}/tasks`, office)).body.items).toEqual([]);
    // A city office (no territory) may name any roster unit.
    const city = await call('POST', `/campaigns/${id}/tasks`, office, task({ taskId: 'city-check', unitIds: ['unit-b'] }));
    expect(city).toMatchObject({ status: 201, body: { events: [{ data: { task: { unitIds: ['unit-b'], regionId: null } } }] } });
    expect((await call('GET', `/campaigns/${id}/tasks`, office)).body.items).toMatchObject([{ taskId: 'city-check', region: null }]);
  });
});

describe('inspection assignments (检查组分工)', () => {
  const inspect = (id: string, actor: Actor) =>
    call('POST', `/campaigns/${id}/units/unit-a/inspections`, actor, { tierId: 'county-inspection', checkItemIds: [], note: '现场检查' });

  it('once a unit has an assigned inspector, refuses another inspector at the door; removal opens it again', async () => {
    const id = await launch();
    expect((await inspect(id, otherInspector)).status).toBe(200);
    const assigned = await call('POST', `/campaigns/${id}/inspection-assignments`, eastOffice, {
      inspectorId: inspector.id,
      inspectorName: inspector.name,
      unitIds: ['unit-a'],
      reason: '检查组分工',
    });
    expect(assigned).toMatchObject({ status: 200, body: { events: [{ type: 'inspector_assigned', data: { unitIds: ['unit-a'] } }] } });
    expect((await call('GET', `/campaigns/${id}/inspection-assignments`, office)).body.items).toMatchObject([
      { unitId: 'unit-a', inspectorId: inspector.id, inspectorName: inspector.name, assignedBy: { id: 'o-east' }, reason: '检查组分工' },
    ]);

    const before = world.updates.length;
    const refused = await inspect(id, otherInspector);
    expect(refused).toMatchObject({ status: 403, body: { code: 'permission.not_assigned_inspector' } });
    const finding = await call('POST', `/campaigns/${id}/units/unit-a/findings`, otherInspector, {
      title: '安全出口堵塞',
      description: '安全出口堆放杂物',
      location: '1号车间',
      industry: '建筑施工',
      grade: 'general',
      finder: '刘工',
      deadline: '2026-03-10T00:00:00.000Z',
    });
    expect(finding).toMatchObject({ status: 403, body: { code: 'permission.not_assigned_inspector' } });
    expect(world.updates.length).toBe(before);
    expect((await inspect(id, inspector)).status).toBe(200);
    expect((await inspect(id, office)).status).toBe(200);

    const outside = await call('POST', `/campaigns/${id}/inspection-assignments`, eastOffice, {
      inspectorId: inspector.id,
      inspectorName: inspector.name,
      unitIds: ['unit-b'],
      reason: 'x',
    });
    expect(outside).toMatchObject({ status: 403, body: { code: 'permission.outside_territory' } });

    const removed = await call('POST', `/campaigns/${id}/inspection-assignments/removals`, eastOffice, {
      inspectorId: inspector.id,
      unitIds: ['unit-a'],
      reason: '检查组调整',
    });
    expect(removed).toMatchObject({ status: 200, body: { events: [{ type: 'inspector_unassigned' }] } });
    expect((await call('GET', `/campaigns/${id}/inspection-assignments`, office)).body.items).toEqual([]);
    expect((await inspect(id, otherInspector)).status).toBe(200);
  });
});
