import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@duban/domain';
import type { CampaignEventFilter, CampaignEventKey, CampaignEventRow, HazardEventFilter, HazardEventRow } from '@duban/persistence';
import { auditor, office, unitA, unitB } from './testing/actors';
import { campaignSpecWorld, launchCampaign, startCampaignApp } from './testing/campaign-spec-fixtures';
import { hazardSpecWorld, reportSampleHazard, startHazardApp } from './testing/in-memory-hazards';
import type { TestApp } from './testing/start-test-app';

// The audit trails over HTTP: a page at a time, `next` passed back as `cursor` until it is null,
// a unit token confined to the campaign's own events and its own unit's. The ledger here pages
// an in-memory trail the way the reader pages PostgreSQL (see audit-trail-paging.pg.spec.ts).

const event = (seq: number, actor: Actor) => ({ seq, type: 'report_submitted', at: '2026-03-02T01:00:00.000Z', actor, reason: '一日一报', data: {} });

/** Every page of `path` as `actor` (`limit` per page): the events in order, and how many pages. */
async function readAll(api: TestApp, path: string, actor: Actor, limit: number): Promise<{ events: any[]; pages: number }> {
  const events: any[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query = `limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const res: { status: number; body: any } = await api.call('GET', `${path}${path.includes('?') ? '&' : '?'}${query}`, actor);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    events.push(...res.body.items);
    cursor = res.body.next;
    pages++;
  } while (cursor !== null);
  return { events, pages };
}

describe('GET /campaigns/:id/events, paged', () => {
  const { world } = campaignSpecWorld();
  const trail: CampaignEventRow[] = [
    ...[1, 2, 3].map((seq) => ({ unitId: null, ...event(seq, office) })),
    ...[1, 2, 3, 4, 5].map((seq) => ({ unitId: 'unit-a', ...event(seq, unitA) })),
    ...[1, 2, 3, 4].map((seq) => ({ unitId: 'unit-b', ...event(seq, unitB) })),
  ] as CampaignEventRow[];
  const filters: CampaignEventFilter[] = [];
  const order = (k: CampaignEventKey) => `${k.unitId ?? ''}\u0000${String(k.seq).padStart(9, '0')}`;
  let api: TestApp;
  let id: string;

  beforeAll(async () => {
    world.ledger.events = async (_campaignId, filter = {}) => {
      filters.push(filter);
      const size = filter.limit ?? 100;
      const rows = trail.filter((e) => (!filter.unitIds || filter.unitIds.includes(e.unitId)) && (!filter.after || order(e) > order(filter.after)));
      const page = rows.slice(0, size);
      return { items: page, next: rows.length > size ? { unitId: page.at(-1)!.unitId, seq: page.at(-1)!.seq } : null };
    };
    api = await startCampaignApp(world);
    id = await launchCampaign(api);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('gives the whole trail a bounded page at a time, the campaign’s own events first', async () => {
    const { events, pages } = await readAll(api, `/campaigns/${id}/events`, auditor, 5);
    expect(pages).toBe(3);
    expect(events.map((e) => [e.unitId, e.seq])).toEqual(trail.map((e) => [e.unitId, e.seq]));
    expect(filters.at(-1)).toMatchObject({ unitIds: undefined, limit: 5 });
    const first = await api.call('GET', `/campaigns/${id}/events`, office);
    expect(first.body).toMatchObject({ next: null });
    expect(first.body.items).toHaveLength(12);
    expect(filters.at(-1)).toEqual({ unitIds: undefined, after: undefined, limit: undefined });
  });

  it('confines a unit token to the campaign’s own events and its own unit’s, across pages', async () => {
    const { events } = await readAll(api, `/campaigns/${id}/events`, unitA, 2);
    expect(events.map((e) => [e.unitId, e.seq])).toEqual(
      trail.filter((e) => e.unitId === null || e.unitId === 'unit-a').map((e) => [e.unitId, e.seq]),
    );
    expect(filters.at(-1)!.unitIds).toEqual([null, 'unit-a']);
    const own = await api.call('GET', `/campaigns/${id}/events?unitId=unit-a`, unitA);
    expect(own.body.items.map((e: any) => e.unitId)).toEqual(Array(5).fill('unit-a'));
    expect((await api.call('GET', `/campaigns/${id}/events?unitId=unit-b`, unitA)).status).toBe(403);
    const oneUnit = await readAll(api, `/campaigns/${id}/events?unitId=unit-b`, office, 3);
    expect(oneUnit.pages).toBe(2);
    expect(oneUnit.events.map((e) => [e.unitId, e.seq])).toEqual([1, 2, 3, 4].map((seq) => ['unit-b', seq]));
    expect(filters.at(-1)).toEqual({ unitIds: ['unit-b'], after: { unitId: 'unit-b', seq: 3 }, limit: 3 });
  });

  it('refuses a limit out of 1–500 and a cursor it did not give out (400)', async () => {
    for (const query of [
      'limit=0',
      'limit=501',
      'limit=ten',
      'cursor=not%20base64',
      'cursor=' + Buffer.from('[1,2]').toString('base64url'),
      'cursor=' + Buffer.from('x').toString('base64url'),
    ]) {
      expect((await api.call('GET', `/campaigns/${id}/events?${query}`, office)).status, query).toBe(400);
    }
  });
});

describe('GET /hazards/:id/events, paged', () => {
  const { hazards } = hazardSpecWorld();
  const filters: HazardEventFilter[] = [];
  let api: TestApp;
  let id: string;

  beforeAll(async () => {
    const trail = Array.from({ length: 7 }, (_, i) => event(i + 1, office)) as HazardEventRow[];
    hazards.ledger.events = async (_hazardId, filter = {}) => {
      filters.push(filter);
      const size = filter.limit ?? 100;
      const rows = trail.filter((e) => filter.afterSeq === undefined || e.seq > filter.afterSeq);
      return { items: rows.slice(0, size), next: rows.length > size ? rows[size - 1]!.seq : null };
    };
    api = await startHazardApp(hazards);
    id = await reportSampleHazard(api);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('pages the trail on seq, and keeps another unit out (403)', async () => {
    const { events, pages } = await readAll(api, `/hazards/${id}/events`, unitA, 3);
    expect(pages).toBe(3);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(filters.at(-1)).toEqual({ afterSeq: 6, limit: 3 });
    expect((await api.call('GET', `/hazards/${id}/events`, unitB)).status).toBe(403);
    expect((await api.call('GET', `/hazards/${id}/events?limit=501`, office)).status).toBe(400);
    expect((await api.call('GET', `/hazards/${id}/events?cursor=${Buffer.from('"7"').toString('base64url')}`, office)).status).toBe(400);
  });

  it('documents the page, its cursor and its limit in the OpenAPI document', async () => {
    const doc = (await api.call('GET', '/docs-json')).body;
    const events = doc.paths['/hazards/{id}/events'].get;
    expect(events.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['id', 'cursor', 'limit']));
    expect(events.parameters.find((p: { name: string }) => p.name === 'limit').schema).toMatchObject({ minimum: 1, maximum: 500 });
    expect(events.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/HazardEventPageView' });
    expect(doc.components.schemas.HazardEventPageView.properties).toMatchObject({
      items: { type: 'array' },
      next: { type: 'string', nullable: true },
    });
  });
});
