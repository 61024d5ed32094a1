import { beforeAll, describe, expect, it } from 'vitest';
import { regionPath, withinBounds, type ListBounds, type Place } from '@duban/domain';
import { Conditions } from './registry-sql';
import { useLedgerDatabase } from '../testing/ledger-database';
import { unitWithinBounds } from './registry-bounds-sql';
import { RegistryReader } from './registry-reader';
import type { RegistryWrite } from './registry-write';
import { RegistryWriter } from './registry-writer';
import { generateRegistry, seeded } from './testing/generated-registry';
import { change } from './testing/registry-fixtures';

// The lists' SQL filter and the pure withinBounds must keep the same units, and placesOf must
// answer the places withinBounds is given: over a generated registry, after its changes.

/** The current version of every record, retired ones kept (a retired unit keeps its place), paths as stored. */
function currentRecords(writes: readonly RegistryWrite[]) {
  const records = new Map<string, { record: Record<string, unknown>; path?: string }>();
  for (const write of writes) {
    if (write.op === 'retire') continue;
    const key = `${write.kind}:${write.record.id}`;
    const record = write.record as unknown as Record<string, unknown>;
    const parentId = (record.parentId as string | null | undefined) ?? null;
    const parent = parentId === null ? null : (records.get(`${write.kind}:${parentId}`)?.path ?? null);
    const path = write.kind === 'region' || write.kind === 'industry' ? (records.get(key)?.path ?? regionPath(write.record.id, parent)) : undefined;
    records.set(key, { record, path });
  }
  return records;
}

describe('the lists’ bounds on PostgreSQL agree with withinBounds', () => {
  const db = useLedgerDatabase('registry_bounds');
  const registry = generateRegistry('b', 20261202);
  let reader: RegistryReader;
  let places: Place[];

  beforeAll(async () => {
    const writer = new RegistryWriter(db.dataSource);
    reader = new RegistryReader(db.dataSource);
    const changes = registry.changes();
    await writer.writeRegistryBatch(registry.initial, change(0, '首次导入'));
    await writer.writeRegistryBatch(changes, change(10, '年度核查'));
    const records = currentRecords([...registry.initial, ...changes]);
    const pathOf = (kind: string, id: unknown) => (typeof id === 'string' ? (records.get(`${kind}:${id}`)?.path?.split('/') ?? null) : null);
    places = registry.units.map((u) => {
      const unit = records.get(`unit:${u.id}`)!.record;
      return { unitId: u.id, regionPath: pathOf('region', unit.regionId), industryPath: pathOf('industry', unit.industryId) };
    });
  });

  const random = seeded(11);
  const unitIds = registry.units.map((u) => u.id);
  const boundsList: ListBounds[] = [
    {},
    { regionId: 'b' },
    { regionId: 'b-unknown' },
    ...registry.regions.map((r) => ({ regionId: r.id })),
    ...registry.industries.map((i) => ({ industryId: i.id })),
    ...Array.from({ length: 40 }, () => ({
      regionId: random.pick(registry.regions).id,
      industryId: random.pick(registry.industries).id,
      ...(random.chance(0.5) ? { orUnitId: random.pick(unitIds) } : {}),
    })),
    ...Array.from({ length: 10 }, () => ({
      unitId: random.pick(unitIds),
      ...(random.chance(0.5) ? { regionId: random.pick(registry.regions).id } : {}),
    })),
  ];

  it('keeps exactly the units withinBounds keeps, for every bounds', async () => {
    let kept = 0;
    for (const bounds of boundsList) {
      const where = new Conditions().add('u.valid_to IS NULL');
      const condition = unitWithinBounds('u.id', bounds, where);
      if (condition) where.add(condition);
      const rows: Array<{ id: string }> = await db.dataSource.query(
        `SELECT u.id FROM registry_unit u ${where} ORDER BY u.id COLLATE "C"`,
        where.params,
      );
      const expected = places.filter((p) => withinBounds(bounds, p)).map((p) => p.unitId);
      expect(
        rows.map((r) => r.id),
        JSON.stringify(bounds),
      ).toEqual([...expected].sort((a, b) => (a < b ? -1 : 1)));
      kept += expected.length;
    }
    // Not all empty: the comparison covers real units, and the wildcard look-alikes (`_1` vs `11`) among them.
    expect(kept).toBeGreaterThan(1000);
  });

  it('answers each unit’s place, and null paths for a unit the registry does not know', async () => {
    const found = await reader.placesOf([...unitIds, 'b-nowhere']);
    expect(unitIds.map((id) => found.get(id))).toEqual(places);
    expect(found.get('b-nowhere')).toEqual({ unitId: 'b-nowhere', regionPath: null, industryPath: null });
    expect(await reader.regionPathOf('bc1k_1t2')).toEqual(['b', 'bc1', 'bc1k_1', 'bc1k_1t2']);
    expect(await reader.regionPathOf('b-unknown')).toBeNull();
  });
});
