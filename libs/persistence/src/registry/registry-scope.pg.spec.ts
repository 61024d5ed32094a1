import { beforeAll, describe, expect, it } from 'vitest';
import { resolveRegistryScope, UNIT_STATUSES, type RegistrySelector, type RegistrySnapshot } from '@duban/domain';
import { useLedgerDatabase } from '../testing/ledger-database';
import { RegistryReader } from './registry-reader';
import { RegistryWriter } from './registry-writer';
import { generateRegistry, RegistryModel, seeded } from './testing/generated-registry';
import { at, change } from './testing/registry-fixtures';

// The SQL scope query and the pure resolveRegistryScope must pick the same units, at every moment.

describe('the registry scope on PostgreSQL agrees with resolveRegistryScope', () => {
  const db = useLedgerDatabase('registry_scope');
  const registry = generateRegistry('s', 20261201);
  const model = new RegistryModel();
  const snapshots: Record<'before' | 'after', RegistrySnapshot> = {} as never;
  let reader: RegistryReader;

  beforeAll(async () => {
    const writer = new RegistryWriter(db.dataSource);
    reader = new RegistryReader(db.dataSource);
    await writer.writeRegistryBatch(registry.initial, change(0, '首次导入'));
    model.apply(registry.initial);
    snapshots.before = model.snapshot();
    const changes = registry.changes();
    await writer.writeRegistryBatch(changes, change(10, '年度核查'));
    model.apply(changes);
    snapshots.after = model.snapshot();
  });

  const random = seeded(7);
  const some = <T>(items: readonly T[], p: number) => items.filter(() => random.chance(p));
  const selectors: RegistrySelector[] = [
    {},
    { regionIds: ['s'] },
    { regionIds: ['sc1k_1'] },
    { regionIds: ['sc2k_2'] },
    { regionIds: ['sc1k_2t1', 'sc2'] },
    { industryIds: ['sg_1'] },
    { industryIds: ['sg11s1'], kinds: ['department'] },
    { statuses: ['unlicensed', 'closed'], kinds: ['enterprise'] },
    ...Array.from({ length: 30 }, () => ({
      regionIds: some(registry.regions, 0.15).map((r) => r.id),
      industryIds: some(registry.industries, 0.3).map((i) => i.id),
      kinds: some(['government', 'department', 'enterprise'] as const, 0.5),
      statuses: some(UNIT_STATUSES, 0.5),
    })),
  ];

  it('for every selector, before the changes, after them, and now', async () => {
    let compared = 0;
    for (const selector of selectors) {
      for (const [moment, asOf] of [
        ['before', at(5)],
        ['after', at(15)],
        ['after', undefined],
      ] as const) {
        const expected = resolveRegistryScope(selector, snapshots[moment]).map((u) => u.id);
        const actual = (await reader.scope(selector, asOf)).map((u) => u.id);
        expect(actual, `${JSON.stringify(selector)} as of ${asOf?.toISOString() ?? 'now'}`).toEqual(expected);
        compared += expected.length;
      }
    }
    // The selectors are not all empty: the comparison covers real units.
    expect(compared).toBeGreaterThan(1000);
  });

  it("the snapshot read back is the model's, and a sibling whose id looks like a LIKE match stays out", async () => {
    const sorted = (s: RegistrySnapshot) => ({
      regions: [...s.regions].sort((a, b) => (a.id < b.id ? -1 : 1)),
      units: [...s.units].sort((a, b) => (a.id < b.id ? -1 : 1)),
    });
    const back = await reader.snapshot(at(5));
    expect(sorted(back)).toEqual(sorted(snapshots.before));
    const ids = (await reader.scope({ regionIds: ['sc1k_1'] }, at(5))).map((u) => u.regionId);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id.startsWith('sc1k_1'))).toBe(true);
  });
});
