import { beforeAll, describe, expect, it } from 'vitest';
import { resolveRegistryScope, rosterFromRegistry, rosterReferences } from '@duban/domain';
import { useLedgerDatabase } from '../testing/ledger-database';
import { RegistryReader } from './registry-reader';
import { RegistryWriter } from './registry-writer';
import type { RegistryWrite } from './registry-write';
import { at, change, OFFICE, sampleTree } from './testing/registry-fixtures';

const put = (kind: RegistryWrite['kind'], record: object, expectedVersion?: number) =>
  ({ kind, op: 'put', record, expectedVersion }) as RegistryWrite;

describe('registry reads on PostgreSQL', () => {
  const db = useLedgerDatabase('registry_reader');
  const t = sampleTree('r');
  let reader: RegistryReader;
  beforeAll(async () => {
    const writer = new RegistryWriter(db.dataSource);
    reader = new RegistryReader(db.dataSource);
    await writer.writeRegistryBatch(
      [
        put('region', t.province),
        put('region', t.city),
        put('region', t.county),
        put('region', t.town),
        put('industry', t.industry),
        put('unit', t.unit),
      ],
      change(0, '首次登记'),
    );
    await writer.writeRegistry(put('unit', { ...t.unit, status: 'suspended' }, 1), change(10, '停产整顿'));
    await writer.writeRegistry(put('person', t.person, 0), change(12));
    await writer.writeRegistry({ kind: 'unit', op: 'retire', id: t.unit.id, expectedVersion: 2 }, change(20, '已注销'));
  });

  it('reads each record as it was at a moment: before it existed, between versions, after its retirement', async () => {
    expect(await reader.get('unit', t.unit.id, at(-1))).toBeUndefined();
    // Year 0 (RFC 3339 allows it; PostgreSQL's text input has no year 0): still an answer, not an error.
    expect(await reader.get('unit', t.unit.id, new Date('0000-01-01T00:00:00+01:00'))).toBeUndefined();
    expect((await reader.get('unit', t.unit.id, at(5)))?.record.status).toBe('producing');
    expect((await reader.get('unit', t.unit.id, at(10)))?.record.status).toBe('suspended');
    expect(await reader.get('unit', t.unit.id, at(15))).toMatchObject({ version: 2, retired: false, validTo: at(20).toISOString() });
    expect(await reader.get('unit', t.unit.id)).toMatchObject({ version: 3, retired: true, change: 'retired', validTo: null });
  });

  it('gives a record’s history: who, when and why, oldest first', async () => {
    const history = await reader.history('unit', t.unit.id);
    expect(history.map((h) => [h.version, h.change, h.reason, h.validFrom])).toEqual([
      [1, 'created', '首次登记', at(0).toISOString()],
      [2, 'updated', '停产整顿', at(10).toISOString()],
      [3, 'retired', '已注销', at(20).toISOString()],
    ]);
    expect(history[0]!.changedBy).toEqual({ id: OFFICE.id, name: OFFICE.name, role: 'office', unitId: null });
    expect(await reader.history('unit', 'never')).toEqual([]);
  });

  it('lists what was in force: a region and everything below it, a unit’s people, retired records on request', async () => {
    const below = await reader.list('region', { regionIds: [t.city.id] });
    expect(below.items.map((r) => r.record.id)).toEqual([t.city.id, t.county.id, t.town.id].sort());
    expect(below.items.find((r) => r.record.id === t.town.id)?.path).toBe([t.province.id, t.city.id, t.county.id, t.town.id].join('/'));
    expect((await reader.list('region', { level: 'county' })).items.map((r) => r.record.id)).toEqual([t.county.id]);
    expect((await reader.list('unit', { regionIds: [t.county.id] })).total).toBe(0);
    expect((await reader.list('unit', { regionIds: [t.county.id], asOf: at(15) })).items.map((u) => u.record.status)).toEqual(['suspended']);
    expect((await reader.list('unit', { includeRetired: true })).items.map((u) => u.retired)).toEqual([true]);
    expect((await reader.list('person', { unitId: t.unit.id })).items.map((p) => p.record.name)).toEqual(['张三']);
  });

  it('pages by id with the total the filter matches', async () => {
    const page = await reader.list('region', { limit: 2, offset: 1 });
    expect(page.total).toBe(4);
    expect(page.items.map((r) => r.record.id)).toEqual([t.city.id, t.county.id, t.province.id, t.town.id].sort().slice(1, 3));
  });

  it('reads only the regions and industries asked for, as of a moment, with their paths; unknown ids left out', async () => {
    const path = (...regions: Array<{ id: string }>) => regions.map((r) => r.id).join('/');
    expect(await reader.regions([t.town.id, t.county.id, 'never'], at(5))).toEqual([
      { ...t.county, path: path(t.province, t.city, t.county) },
      { ...t.town, path: path(t.province, t.city, t.county, t.town) },
    ]);
    expect(await reader.regions([t.town.id], at(-1))).toEqual([]);
    expect(await reader.industries([t.industry.id], at(5))).toEqual([{ ...t.industry, path: t.industry.id }]);
    expect(await reader.industries([], at(5))).toEqual([]);
  });

  it('gives a launch by scope the roster the pure resolver gives over the whole snapshot, from the scope query and those names alone', async () => {
    const selector = { regionIds: [t.city.id] };
    for (const asOf of [at(5), at(15), at(25)]) {
      const matched = await reader.scope(selector, asOf);
      const { regionIds, industryIds } = rosterReferences(matched);
      const names = { regions: await reader.regions(regionIds, asOf), industries: await reader.industries(industryIds, asOf) };
      const snapshot = await reader.snapshot(asOf);
      const pure = resolveRegistryScope(selector, snapshot);
      expect(matched).toEqual(pure);
      if (pure.length > 0) expect(rosterFromRegistry(matched, names)).toEqual(rosterFromRegistry(pure, snapshot));
    }
    expect((await reader.scope(selector, at(15))).map((u) => u.status)).toEqual(['suspended']);
    // A caller refusing more than n asks for n + 1: the read stops there.
    expect(await reader.scope(selector, at(15), 0)).toEqual([]);
  });
});
