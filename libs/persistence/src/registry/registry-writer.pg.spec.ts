import { beforeAll, describe, expect, it } from 'vitest';
import { useLedgerDatabase } from '../testing/ledger-database';
import { RegistryWriter } from './registry-writer';
import { RegistryWriteRefused, type RegistryWrite } from './registry-write';
import { generateRegistry } from './testing/generated-registry';
import { change, sampleTree } from './testing/registry-fixtures';

const put = (kind: RegistryWrite['kind'], record: object, expectedVersion?: number) =>
  ({ kind, op: 'put', record, expectedVersion }) as RegistryWrite;

describe('the registry writer on PostgreSQL', () => {
  const db = useLedgerDatabase('registry_writer');
  let writer: RegistryWriter;
  beforeAll(() => {
    writer = new RegistryWriter(db.dataSource);
  });
  const versions = (table: string, id: string) => db.count(`${table} WHERE id = $1`, [id]);

  it('writes a tree in one batch, parents first, with each region’s path', async () => {
    const t = sampleTree('batch');
    const results = await writer.writeRegistryBatch(
      [
        put('region', t.province),
        put('region', t.city),
        put('region', t.county),
        put('region', t.town),
        put('industry', t.industry),
        put('unit', t.unit),
      ],
      change(0),
    );
    expect(results.map((r) => r.outcome)).toEqual(['created', 'created', 'created', 'created', 'created', 'created']);
    const [town] = await db.dataSource.query(`SELECT path FROM registry_region WHERE id = $1`, [t.town.id]);
    expect(town.path).toBe([t.province.id, t.city.id, t.county.id, t.town.id].join('/'));
  });

  it('writes all or nothing: one bad row refuses the batch, every error listed by index', async () => {
    const t = sampleTree('allnone');
    const bad = { ...t.unit, id: `${t.unit.id}-2`, regionId: 'nowhere' };
    const attempt = writer.writeRegistryBatch(
      [
        put('region', t.province),
        put('industry', t.industry),
        put('unit', { ...t.unit, regionId: t.province.id }),
        put('unit', bad),
        put('person', { ...t.person, phone: 'x' }),
      ],
      change(0),
    );
    const refused = await attempt.catch((e) => e);
    expect(refused).toBeInstanceOf(RegistryWriteRefused);
    expect((refused as RegistryWriteRefused).errors.map(({ index, code, field }) => ({ index, code, field }))).toEqual([
      { index: 3, code: 'registry.reference.unknown', field: 'regionId' },
      { index: 4, code: 'input.malformed', field: 'phone' },
    ]);
    expect(await versions('registry_region', t.province.id)).toBe(0);
    expect(await versions('registry_unit', t.unit.id)).toBe(0);
  });

  it('keeps each change as a version; a retried identical write and a stale one add none', async () => {
    const t = sampleTree('versions');
    await writer.writeRegistryBatch([put('region', t.province), put('industry', t.industry)], change(0));
    const renamed = { ...t.industry, name: '危化品' };
    expect(await writer.writeRegistry(put('industry', renamed, 1), change(1))).toMatchObject({ outcome: 'updated', version: 2 });
    expect(await writer.writeRegistry(put('industry', renamed, 1), change(2))).toMatchObject({ outcome: 'unchanged', version: 2 });
    await expect(writer.writeRegistry(put('industry', { ...t.industry, name: '化工' }, 1), change(3))).rejects.toMatchObject({
      code: 'registry.version.stale',
    });
    expect(await versions('registry_industry', t.industry.id)).toBe(2);
    expect(await writer.writeRegistry({ kind: 'industry', op: 'retire', id: t.industry.id, expectedVersion: 2 }, change(4))).toMatchObject({
      outcome: 'retired',
      version: 3,
    });
    const rows = await db.dataSource.query(
      `SELECT version, change, retired, valid_from, valid_to FROM registry_industry WHERE id = $1 ORDER BY version`,
      [t.industry.id],
    );
    expect(rows.map((r: { change: string; retired: boolean }) => [r.change, r.retired])).toEqual([
      ['created', false],
      ['updated', false],
      ['retired', true],
    ]);
    // Each version ends where the next begins; the last is current.
    expect(rows[0].valid_to).toEqual(rows[1].valid_from);
    expect(rows[1].valid_to).toEqual(rows[2].valid_from);
    expect(rows[2].valid_to).toBeNull();
  });

  it('refuses a change to a record that does not exist, and a unit in a retired region', async () => {
    const t = sampleTree('unknown');
    const refused = await writer.writeRegistryBatch([{ kind: 'unit', op: 'retire', id: t.unit.id, expectedVersion: 1 }], change(0)).catch((e) => e);
    expect((refused as RegistryWriteRefused).errors[0]).toMatchObject({ code: 'resource.not_found', index: 0 });
    await writer.writeRegistryBatch([put('region', t.province), put('industry', t.industry)], change(0));
    await writer.writeRegistry({ kind: 'region', op: 'retire', id: t.province.id, expectedVersion: 1 }, change(1));
    await expect(writer.writeRegistry(put('unit', { ...t.unit, regionId: t.province.id }, 0), change(2))).rejects.toMatchObject({
      code: 'registry.reference.unknown',
      field: 'regionId',
    });
  });

  it('lets one of two concurrent updates of a record through; the other is stale and writes nothing', async () => {
    const t = sampleTree('race');
    await writer.writeRegistry(put('industry', t.industry, 0), change(0));
    const outcomes = await Promise.allSettled(
      ['甲', '乙', '丙'].map((name) => writer.writeRegistry(put('industry', { ...t.industry, name }, 1), change(1))),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code)).toEqual([
      'registry.version.stale',
      'registry.version.stale',
    ]);
    expect(await versions('registry_industry', t.industry.id)).toBe(2);
  });

  it('refreshes the planner’s statistics of the tables a bulk batch (an import) filled, not after an edit', async () => {
    const reltuples = async () => Number((await db.dataSource.query(`SELECT reltuples FROM pg_class WHERE relname = 'registry_unit'`))[0].reltuples);
    const registry = generateRegistry('stats', 20261203);
    await writer.writeRegistryBatch(registry.initial, change(0, '首次导入'));
    const imported = await db.count('registry_unit');
    expect(await reltuples()).toBe(imported);
    await writer.writeRegistry(put('unit', { ...registry.units[0], name: '改名' }, 1), change(1));
    expect(await reltuples()).toBe(imported);
  });
});
