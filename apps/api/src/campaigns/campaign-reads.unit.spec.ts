import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { HUNDRED_DAY_DRIVE_TEMPLATE } from '@duban/domain';
import type { CampaignUnitRow } from '@duban/persistence';
import { auditor, inspector, office, unitA, unitB } from '../testing/actors';
import { useCampaignSpecApp, launchCampaign } from '../testing/campaign-spec-fixtures';

/** Reads of a campaign (a unit token: its own unit only): units, one unit's file, 一日一汇总, coverage, targets, hazards, 考核, events. */
const spec = useCampaignSpecApp();
const { world, call } = spec;

const launch = (body?: object) => launchCampaign(spec.api, body);

describe('reads', () => {
  it('GET /campaigns/:id/units forces a unit token to its own row; another unitId is a 403', async () => {
    const id = await launch();
    const mine = await call('GET', `/campaigns/${id}/units`, unitA);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((r: CampaignUnitRow) => r.unitId)).toEqual(['unit-a']);
    expect(mine.body.total).toBe(1);
    expect(world.unitFilters).toHaveLength(0); // never the campaign-wide list
    const other = await call('GET', `/campaigns/${id}/units?unitId=unit-b`, unitA);
    expect(other.status).toBe(403);
    expect((await call('GET', `/campaigns/${id}/units/unit-b`, unitA)).status).toBe(403);

    const all = await call('GET', `/campaigns/${id}/units?status=active&regionId=county-east&limit=10`, auditor);
    expect(all.status).toBe(200);
    expect(all.body.items.map((r: CampaignUnitRow) => r.unitId)).toEqual(['unit-a', 'town-1']);
    expect(world.unitFilters.at(-1)).toEqual({
      bounds: {},
      status: 'active',
      regionId: 'county-east',
      industryId: undefined,
      limit: 10,
      offset: undefined,
    });
    expect(await call('GET', `/campaigns/${id}/units?status=asleep`, office)).toMatchObject({ status: 400, body: { field: 'status' } });
  });

  it("GET /campaigns/:id gives the workflow view and the ledger row; GET /campaigns/:id/units/:unitId the unit's file", async () => {
    const id = await launch();
    const detail = await call('GET', `/campaigns/${id}`, auditor);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      viewSource: 'workflow',
      view: { state: { campaignId: id } },
      ledger: { campaignId: id, templateId: 'hundred-day-drive' },
    });
    const unit = await call('GET', `/campaigns/${id}/units/unit-a`, unitA);
    expect(unit.status).toBe(200);
    expect(unit.body).toMatchObject({
      viewSource: 'workflow',
      view: { state: { unit: { unitId: 'unit-a' }, status: 'active' } },
      ledger: { unitId: 'unit-a' },
    });
    expect((await call('GET', `/campaigns/${randomUUID()}`, office)).status).toBe(404);
  });

  it('GET /campaigns/:id/reports defaults to today in China Standard Time and filters a unit to itself', async () => {
    const id = await launch();
    await call('POST', `/campaigns/${id}/units/unit-a/reports`, unitA, { obligationId: 'report:daily:2026-03-02', zero: true, content: '' });
    const today = await call('GET', `/campaigns/${id}/reports`, office);
    expect(today.status).toBe(200);
    expect(world.reportDays).toEqual(['2026-03-02']);
    expect(today.body.received.map((r: { unitId: string }) => r.unitId)).toEqual(['unit-a']);
    expect(today.body.missing).toEqual(['unit-b', 'town-1']);
    const asB = await call('GET', `/campaigns/${id}/reports?date=2026-03-02`, unitB);
    expect(asB.body).toEqual({
      date: '2026-03-02',
      due: [expect.objectContaining({ id: 'report:daily:2026-03-02', kind: 'report', dueAt: '2026-03-02T09:00:00.000Z' })],
      received: [],
      missing: ['unit-b'],
    });
    // Before the campaign started no report was due: nobody is missing.
    const before = await call('GET', `/campaigns/${id}/reports?date=2026-02-27`, office);
    expect(before.body).toMatchObject({ date: '2026-02-27', due: [], missing: [] });
    expect(await call('GET', `/campaigns/${id}/reports?date=03/02/2026`, office)).toMatchObject({ status: 400, body: { field: 'date' } });
    expect(await call('GET', `/campaigns/${id}/reports?date=2026-02-30`, office)).toMatchObject({ status: 400, body: { field: 'date' } });
  });

  it('coverage, targets, hazards and the assessment', async () => {
    const id = await launch();
    await call('POST', `/campaigns/${id}/units/unit-a/inspections`, inspector, { tierId: 'county-inspection', checkItemIds: [], note: '检查' });
    await call('POST', `/campaigns/${id}/units/unit-a/reports`, unitA, { obligationId: 'report:daily:2026-03-02', zero: false, content: '正常' });

    const coverage = await call('GET', `/campaigns/${id}/coverage`, office);
    expect(coverage.status).toBe(200);
    expect(coverage.body).toMatchObject({ unitId: null, unitsInspectedRate: 1 / 3, coveredRegionsRate: 0.5 });
    expect(coverage.body.gaps).toEqual(expect.arrayContaining([{ regionId: 'county-west', industryId: 'construction', kind: 'no_units' }]));

    const targets = await call('GET', `/campaigns/${id}/targets`, office);
    expect(targets.status).toBe(200);
    expect(targets.body.targets.map((t: { targetId: string }) => t.targetId)).toEqual(HUNDRED_DAY_DRIVE_TEMPLATE.targets.map((t) => t.id));
    const rectified = targets.body.targets.find((t: { metric: string }) => t.metric === 'hazards_rectified_rate');
    expect(rectified).toMatchObject({ rate: null, met: null, part: 0, whole: 0 });

    const hazards = await call('GET', `/campaigns/${id}/hazards`, unitA);
    expect(hazards.body).toMatchObject({ unitId: 'unit-a', found: 0 });

    const summary = await call('GET', `/campaigns/${id}/summary`, auditor);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ final: false, totals: { unitsAssessed: 3 } });
    expect(summary.body.units.map((u: { rank: number }) => u.rank)).toEqual([1, 1, 1]);
    const own = await call('GET', `/campaigns/${id}/summary`, unitB);
    expect(own.body.units.map((u: { unitId: string }) => u.unitId)).toEqual(['unit-b']);

    expect((await call('GET', `/campaigns/${id}/escalations?unitId=unit-a`, unitB)).status).toBe(403);
    expect((await call('GET', `/campaigns/${id}/events?unitId=unit-a`, unitB)).status).toBe(403);
    expect((await call('GET', `/campaigns/${id}/events`, unitB)).status).toBe(200);
  });
});
