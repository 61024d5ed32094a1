import { describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import { auditor, inspector, unitA, unitB } from '../testing/actors';
import { useCampaignSpecApp, launchCampaign } from '../testing/campaign-spec-fixtures';

/** A unit's obligations (单位任务): reports, inspections and findings, with the roster (404) and own-unit (403) checks. */
const spec = useCampaignSpecApp();
const { world, call } = spec;

const launch = (body?: object) => launchCampaign(spec.api, body);

describe('unit obligations (单位任务)', () => {
  const daily = { obligationId: 'report:daily:2026-03-02', zero: false, content: '今日排查在建项目 3 个, 未发现隐患' };

  it('a unit reports for itself; another unit gets 403 with the reason; an inspector may not report', async () => {
    const id = await launch();
    const other = await call('POST', `/campaigns/${id}/units/unit-a/reports`, unitB, daily);
    expect(other.status).toBe(403);
    expect(other.body.detail).toBe('unit unit-b may act only on its own obligations; this is unit unit-a');
    expect((await call('POST', `/campaigns/${id}/units/unit-a/reports`, inspector, daily)).status).toBe(403);
    expect(world.updates).toHaveLength(0);

    const ok = await call('POST', `/campaigns/${id}/units/unit-a/reports`, unitA, daily);
    expect(ok.status).toBe(200);
    expect(ok.body.events[0]).toMatchObject({
      type: 'report_submitted',
      unitId: 'unit-a',
      data: { obligationId: daily.obligationId, onTime: true, zero: false },
    });
    expect(world.updates.at(-1)).toEqual({ workflowId: `campaign-${id}-unit-unit-a`, name: 'submitReport', args: [{ ...daily, actor: unitA }] });

    const twice = await call('POST', `/campaigns/${id}/units/unit-a/reports`, unitA, daily);
    expect(twice).toMatchObject({ status: 409, body: { code: 'campaign.obligation.already_reported' } });
    const unknownObligation = await call('POST', `/campaigns/${id}/units/unit-a/reports`, unitA, {
      ...daily,
      obligationId: 'report:daily:2030-01-01',
    });
    expect(unknownObligation).toMatchObject({ status: 400, body: { code: 'campaign.obligation.unknown', field: 'obligationId' } });
  });

  it('a unit not on the roster is a 404, checked before the role', async () => {
    const id = await launch();
    const stranger: Actor = { id: 'u-x', name: 'x', role: 'unit', unitId: 'unit-x' };
    const res = await call('POST', `/campaigns/${id}/units/unit-x/reports`, stranger, daily);
    expect(res.status).toBe(404);
    expect(res.body.detail).toBe(`unit unit-x is not in campaign ${id}`);
  });

  it('inspections by an inspector or the unit itself; findings become hazards', async () => {
    const id = await launch();
    const inspection = { tierId: 'county-inspection', checkItemIds: ['responsibility', 'training'], note: '现场检查, 台账齐全' };
    const ok = await call('POST', `/campaigns/${id}/units/unit-a/inspections`, inspector, inspection);
    expect(ok.status).toBe(200);
    expect(ok.body.view.state.counters.inspections).toBe(1);
    expect((await call('POST', `/campaigns/${id}/units/unit-a/inspections`, unitB, inspection)).status).toBe(403);
    expect((await call('POST', `/campaigns/${id}/units/unit-a/inspections`, auditor, inspection)).status).toBe(403);
    const badItem = await call('POST', `/campaigns/${id}/units/unit-a/inspections`, inspector, { ...inspection, checkItemIds: ['nope'] });
    expect(badItem).toMatchObject({ status: 400, body: { code: 'campaign.inspection.check_item_unknown', field: 'checkItemIds' } });

    const finding = {
      title: '脚手架连墙件缺失',
      description: '3号楼外脚手架连墙件缺失 12 处',
      location: '3号楼',
      industry: '建筑施工',
      grade: 'general',
      finder: '王五',
      deadline: '2026-03-20T00:00:00.000Z',
    };
    const found = await call('POST', `/campaigns/${id}/units/unit-a/findings`, inspector, finding);
    expect(found.status).toBe(201);
    expect(found.body.hazardId).toMatch(/^[0-9a-f-]{36}$/);
    expect(found.headers.get('location')).toBe(`/hazards/${found.body.hazardId}`);
    expect(found.body.events[0]).toMatchObject({ type: 'finding_recorded', data: { hazardId: found.body.hazardId, title: finding.title } });
    expect(world.updates.at(-1)).toEqual({
      workflowId: `campaign-${id}-unit-unit-a`,
      name: 'recordFinding',
      args: [{ ...finding, actor: inspector }],
    });
    expect(await call('POST', `/campaigns/${id}/units/unit-a/findings`, inspector, { ...finding, grade: 'huge' })).toMatchObject({
      status: 400,
      body: { field: 'grade' },
    });
  });
});
