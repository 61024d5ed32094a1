import { beforeAll, describe, expect, it } from 'vitest';
import { listBounds, ENFORCEMENT_RECORD_PERMISSIONS, type Actor, type BlacklistChange, type RecordedFiring, type UnitRecord } from '@duban/domain';
import { RegistryWriter } from '../registry/registry-writer';
import { change, sampleTree } from '../registry/testing/registry-fixtures';
import { useLedgerDatabase } from '../testing/ledger-database';
import { EnforcementRecordStore } from './enforcement-record-store';

// 浙江省 › 杭州市 › 西湖区 › 西溪街道 (sampleTree), with the next county 滨江区 and a second industry.
const t = sampleTree('er');
const nextCounty = { ...t.county, id: 'er-bj', name: '滨江区', code: '330108' };
const mining = { ...t.industry, id: 'er-mining', name: '非煤矿山' };
const enterprise = (id: string, regionId: string, industryId: string): UnitRecord => ({ ...t.unit, id, regionId, industryId });
/** One unit each: in the town (a child region of the county), in the county itself, in the next county, and of the other industry. */
const units = {
  town: enterprise('er-town', t.town.id, t.industry.id),
  county: enterprise('er-county', t.county.id, t.industry.id),
  outside: enterprise('er-outside', nextCounty.id, t.industry.id),
  mining: enterprise('er-mine', t.county.id, mining.id),
};

const firing = (unit: UnitRecord): RecordedFiring => ({
  firingKey: `two-serious:${unit.id}`,
  ruleId: 'two-serious-within-one-month',
  unitId: unit.id,
  regionId: unit.regionId,
  violationIds: [`${unit.id}-v1`, `${unit.id}-v2`],
  caseIds: [`${unit.id}-c1`, `${unit.id}-c2`],
  windowFrom: '2026-03-01',
  windowTo: '2026-04-01',
  firedOn: '2026-03-20',
  measure: '提请关闭 (关闭整顿)',
  accountable: '县级人民政府',
});
const entry = (unit: UnitRecord): BlacklistChange => ({
  changeKey: `repeated:${unit.id}:entry`,
  ruleId: 'repeated-after-correction',
  unitId: unit.id,
  kind: 'entry',
  onDay: '2026-03-20',
  enteredOn: '2026-03-20',
  violationIds: [`${unit.id}-v1`],
  exposure: true,
  actor: { id: 'duban', name: 'Duban', role: 'system' },
  at: '2026-03-20T16:30:00.000Z',
  reason: '屡纠不改',
});

const countyOffice: Actor = { id: 'o-xh', name: '西湖区安委办', role: 'office', regionId: t.county.id };
const cityOffice: Actor = { id: 'o-hz', name: '杭州市安委办', role: 'office', regionId: t.city.id };
const chemDepartment: Actor = { id: 'd-chem', name: '危化科', role: 'unit', unitId: 'er-dept', regionId: t.city.id, industryId: t.industry.id };
const bounds = (actor: Actor) => listBounds(ENFORCEMENT_RECORD_PERMISSIONS, 'read', actor);
const unitsOf = (rows: Array<{ unitId: string }>) => rows.map((r) => r.unitId).sort();

describe('the enforcement record’s reads on PostgreSQL: territory and industry in SQL, on the registry', () => {
  const db = useLedgerDatabase('enforcement_record');
  let store: EnforcementRecordStore;
  beforeAll(async () => {
    store = new EnforcementRecordStore(db.dataSource);
    await new RegistryWriter(db.dataSource).writeRegistryBatch(
      [
        ...[t.province, t.city, t.county, t.town, nextCounty].map((record) => ({ kind: 'region', op: 'put', record }) as const),
        ...[t.industry, mining].map((record) => ({ kind: 'industry', op: 'put', record }) as const),
        ...Object.values(units).map((record) => ({ kind: 'unit', op: 'put', record }) as const),
      ],
      change(0, '首次登记'),
    );
    const all = Object.values(units);
    await store.record({ runId: 'run-1', firings: all.map(firing), changes: all.map(entry) });
  });

  it('bounds by territory: the county’s office sees its own and its town’s units, not the next county’s; the city’s sees both counties', async () => {
    const inCounty = [units.county.id, units.mining.id, units.town.id].sort();
    expect(unitsOf(await store.firings({ bounds: bounds(countyOffice) }))).toEqual(inCounty);
    expect(unitsOf(await store.blacklistChanges({ bounds: bounds(countyOffice) }))).toEqual(inCounty);
    expect(unitsOf(await store.firings({ bounds: bounds(cityOffice) }))).toEqual(
      Object.values(units)
        .map((u) => u.id)
        .sort(),
    );
  });

  it('bounds an industry department to its industry’s units across the regions of its territory (and its own unit’s rows)', async () => {
    expect(bounds(chemDepartment)).toMatchObject({ industryId: t.industry.id, regionId: t.city.id });
    const chem = [units.county.id, units.outside.id, units.town.id].sort();
    expect(unitsOf(await store.firings({ bounds: bounds(chemDepartment) }))).toEqual(chem);
    expect(unitsOf(await store.blacklistChanges({ bounds: bounds(chemDepartment) }))).toEqual(chem);
  });

  it('filters firings by region at or below it: the county covers its town’s row, the town not the county’s; an unknown region matches itself', async () => {
    expect(unitsOf(await store.firings({ regionId: t.county.id }))).toEqual([units.county.id, units.mining.id, units.town.id].sort());
    expect(unitsOf(await store.firings({ regionId: t.town.id }))).toEqual([units.town.id]);
    expect(unitsOf(await store.firings({ regionId: nextCounty.id, bounds: bounds(countyOffice) }))).toEqual([]);
    expect(await store.firings({ regionId: 'nowhere' })).toEqual([]);
  });

  it('reads one unit’s rows and a run’s rows by key', async () => {
    expect(unitsOf(await store.firings({ unitId: units.town.id }))).toEqual([units.town.id]);
    const keys = [firing(units.outside).firingKey];
    expect(unitsOf(await store.firings({ keys }))).toEqual([units.outside.id]);
    expect(await store.firings({ keys, bounds: bounds(countyOffice) })).toEqual([]);
    expect(unitsOf(await store.blacklistChanges({ keys: [entry(units.mining).changeKey] }))).toEqual([units.mining.id]);
    expect(await store.blacklistChanges({ keys: [] })).toEqual([]);
  });
});
