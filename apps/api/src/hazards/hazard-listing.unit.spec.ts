import { describe, expect, it } from 'vitest';
import type { Actor, HazardEvent } from '@duban/domain';
import { inspector, office, unitA } from '../testing/actors';
import { reportSampleHazard, useHazardSpecApp } from '../testing/in-memory-hazards';

/** 挂牌督办 over HTTP: POST /hazards/:id/listing and /delisting, the list by level, the listing in the hazard view. */
const spec = useHazardSpecApp();
const { hazards, call } = spec;

const cityOffice: Actor = { ...office, id: 'o-city', unitId: 'city-aqw', regionId: '411700' };
// The city's office acts on hazards of units in its territory (属地): the sample hazard's unit-a sits in 驻马店市.
hazards.places.put(
  [
    { kind: 'region', op: 'put', record: { id: '410000', name: '河南省', level: 'province', parentId: null, code: '410000' } },
    { kind: 'region', op: 'put', record: { id: '411700', name: '驻马店市', level: 'city', parentId: '410000', code: '411700' } },
    { kind: 'region', op: 'put', record: { id: '411702', name: '驿城区', level: 'county', parentId: '411700', code: '411702' } },
    { kind: 'industry', op: 'put', record: { id: 'chemicals', name: '危险化学品', parentId: null } },
    {
      kind: 'unit',
      op: 'put',
      record: {
        id: 'unit-a',
        name: '甲化工有限公司',
        kind: 'enterprise',
        regionId: '411702',
        industryId: 'chemicals',
        enterpriseKind: 'ordinary',
        status: 'producing',
        licensed: true,
        creditCode: null,
      },
    },
  ],
  new Date('2026-01-01T00:00:00.000Z'),
);
const listing = { level: 'city', tracker: { name: '市应急管理局 孙科长', personId: 'person-sun' }, reason: '市安委会挂牌督办' };
const types = (body: { events: HazardEvent[] }) => body.events.map((e) => e.type);

/** A general hazard (the policy does not list it on report), reported by the inspector. */
const reportGeneral = () => reportSampleHazard(spec.api, inspector, { grade: 'general' });

describe('挂牌督办 by an office', () => {
  it("lists the hazard at the level asked with the office's region and the tracker; the same listing again records nothing", async () => {
    const id = await reportGeneral();
    const res = await call('POST', `/hazards/${id}/listing`, cityOffice, listing);
    expect(res.status).toBe(200);
    expect(types(res.body)).toEqual(['listed']);
    expect(res.body.state.listing).toMatchObject({
      level: 'city',
      regionId: '411700',
      tracker: { name: '市应急管理局 孙科长', personId: 'person-sun', unitId: 'city-aqw' },
      listedBy: { id: 'o-city', role: 'office' },
      reason: '市安委会挂牌督办',
    });
    expect(hazards.updates.at(-1)).toMatchObject({ name: 'listForSupervision', args: [{ ...listing, actor: cityOffice }] });

    const again = await call('POST', `/hazards/${id}/listing`, cityOffice, listing);
    expect(again.status).toBe(200);
    expect(again.body.events).toEqual([]);
    expect(again.body.state.lastSeq).toBe(res.body.state.lastSeq);

    const detail = await call('GET', `/hazards/${id}`, office);
    expect(detail.body).toMatchObject({ state: { listing: { level: 'city' } }, ledger: { listingLevel: 'city', listingRegionId: '411700' } });
  });

  it('raises a listing by the policy (county) and refuses to lower it, naming level', async () => {
    const id = await reportSampleHazard(spec.api, inspector); // major: listed at once at county level
    const raised = await call('POST', `/hazards/${id}/listing`, cityOffice, listing);
    expect(raised.body.events).toMatchObject([{ type: 'listing_changed', data: { previousLevel: 'county', level: 'city' } }]);
    const lower = await call('POST', `/hazards/${id}/listing`, cityOffice, { ...listing, level: 'county' });
    expect(lower).toMatchObject({ status: 400, body: { code: 'hazard.listing.level_lower', field: 'level' } });
  });

  it('refuses a bad body (400 naming the field) and roles other than the office (403) before the workflow', async () => {
    const id = await reportGeneral();
    const sent = hazards.updates.length;
    expect(await call('POST', `/hazards/${id}/listing`, cityOffice, { ...listing, level: 'nation' })).toMatchObject({
      status: 400,
      body: { field: 'level' },
    });
    expect(await call('POST', `/hazards/${id}/listing`, cityOffice, { ...listing, tracker: {} })).toMatchObject({
      status: 400,
      body: { field: 'tracker.name' },
    });
    expect(await call('POST', `/hazards/${id}/listing`, unitA, listing)).toMatchObject({
      status: 403,
      body: { code: 'permission.role_not_allowed' },
    });
    expect(await call('POST', `/hazards/${id}/delisting`, inspector, { reason: '销号' })).toMatchObject({ status: 403 });
    expect(hazards.updates.length).toBe(sent);
  });
});

describe('挂牌销号', () => {
  it('closes the listing only after the sign-off (409 before), recording who and why', async () => {
    const id = await reportGeneral();
    await call('POST', `/hazards/${id}/listing`, cityOffice, listing);
    const early = await call('POST', `/hazards/${id}/delisting`, cityOffice, { reason: '同意销号' });
    expect(early).toMatchObject({ status: 409, body: { code: 'hazard.listing.not_signed_off' } });

    expect((await call('POST', `/hazards/${id}/completion`, unitA, { summary: '已整改' })).status).toBe(200);
    expect((await call('POST', `/hazards/${id}/verification`, inspector, { decision: 'accept', comment: '验收合格' })).status).toBe(200);
    const closed = await call('POST', `/hazards/${id}/delisting`, cityOffice, { reason: '经市安委会复核, 同意销号' });
    expect(closed.status).toBe(200);
    expect(types(closed.body)).toEqual(['delisted']);
    expect(closed.body.state.listing.delisted).toMatchObject({ by: { id: 'o-city' }, reason: '经市安委会复核, 同意销号' });
    expect((await call('POST', `/hazards/${id}/delisting`, cityOffice, { reason: '再次' })).body.code).toBe('hazard.listing.already_delisted');
  });
});

describe('the ledger by listing level', () => {
  it('passes listingLevel to the ledger and answers only that level; an unknown level is 400', async () => {
    const city = await reportGeneral();
    await call('POST', `/hazards/${city}/listing`, cityOffice, listing);
    await reportGeneral();
    const res = await call('GET', '/hazards?listingLevel=city', office);
    expect(res.status).toBe(200);
    expect(hazards.listFilters.at(-1)).toMatchObject({ listingLevel: 'city' });
    expect(res.body.items.map((r: { hazardId: string }) => r.hazardId)).toContain(city);
    expect(res.body.items.every((r: { listingLevel: string }) => r.listingLevel === 'city')).toBe(true);
    expect(await call('GET', '/hazards?listingLevel=nation', office)).toMatchObject({ status: 400, body: { field: 'listingLevel' } });
  });
});
