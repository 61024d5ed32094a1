import { beforeAll, describe, expect, it } from 'vitest';
import {
  openAccountabilityAction,
  reviewAccidentRecord,
  seedCityControlIndicators,
  SEED_ACCOUNTABILITY_RULES,
  type AccountabilityFiring,
} from '@duban/domain';
import { RegistryWriter } from '../registry/registry-writer';
import { change, sampleTree } from '../registry/testing/registry-fixtures';
import { useLedgerDatabase } from '../testing/ledger-database';
import { AccidentRecordReader } from './accident-record-reader';
import { AccidentRecordWriter } from './accident-record-writer';

// 浙江省 › 杭州市 › 西湖区 (sampleTree), with a second city 宁波市 under the same province.
const t = sampleTree('arr');
const otherCity = { ...t.city, id: 'arr-nb', name: '宁波市', code: '330200' };
const MONTH = '2026-03';
const firingOf = (territoryId: string): AccountabilityFiring => ({
  ruleId: `rule-${territoryId}`,
  rule: SEED_ACCOUNTABILITY_RULES[0]!,
  territoryId,
  period: '2026',
  instrument: 'summons',
  accidentIds: [`accident-${territoryId}`],
  firedOn: '2026-03-10',
});
const regionsOf = (rows: Array<{ regionId?: string; territoryId?: string }>) => [...new Set(rows.map((r) => r.regionId ?? r.territoryId))].sort();

describe('the accident record’s region filters on PostgreSQL: a region covers the regions below it, in SQL', () => {
  const db = useLedgerDatabase('accident_record_regions');
  let reader: AccidentRecordReader;
  let keys: Record<string, string>;
  beforeAll(async () => {
    reader = new AccidentRecordReader(db.dataSource);
    await new RegistryWriter(db.dataSource).writeRegistryBatch(
      [t.province, t.city, t.county, t.town, otherCity].map((record) => ({ kind: 'region', op: 'put', record }) as const),
      change(0, '首次登记'),
    );
    // Caps and a firing in the city, in its county (a child region) and in the other city (outside).
    const regions = [t.city.id, t.county.id, otherCity.id];
    const indicators = regions.flatMap((regionId) => seedCityControlIndicators(regionId, 2026).slice(0, 1));
    const { checks } = reviewAccidentRecord({ facts: [], territories: {}, indicators }, MONTH);
    const at = new Date('2026-04-01T00:00:00.000Z');
    const firings = regions.map((id) => ({ firing: firingOf(id), action: openAccountabilityAction(firingOf(id), at) }));
    keys = Object.fromEntries(firings.map(({ firing, action }) => [firing.territoryId, action.firingKey]));
    await new AccidentRecordWriter(db.dataSource).recordReview({ checks, firings, checkedAt: at });
  });

  it('lists a city’s checks with its county’s, not another city’s; a county’s without its city’s', async () => {
    expect(regionsOf(await reader.checks({ regionId: t.city.id, month: MONTH }))).toEqual([t.city.id, t.county.id].sort());
    expect(regionsOf(await reader.checks({ regionId: t.county.id }))).toEqual([t.county.id]);
    expect(regionsOf(await reader.checks({ month: MONTH, withinRegionId: t.province.id }))).toEqual([t.city.id, t.county.id, otherCity.id].sort());
    expect(regionsOf(await reader.checks({ month: MONTH, withinRegionId: otherCity.id }))).toEqual([otherCity.id]);
  });

  it('lists a territory’s firings with those below it, bounded by the caller’s territory, and a run’s by key', async () => {
    expect(regionsOf(await reader.firings({ territoryId: t.city.id, year: 2026 }))).toEqual([t.city.id, t.county.id].sort());
    expect(regionsOf(await reader.firings({ territoryId: t.county.id }))).toEqual([t.county.id]);
    expect(regionsOf(await reader.firings({ year: 2026, withinRegionId: t.county.id }))).toEqual([t.county.id]);
    expect(await reader.firings({ territoryId: otherCity.id, withinRegionId: t.city.id })).toEqual([]);
    const run = [keys[otherCity.id]!, keys[t.county.id]!];
    expect(regionsOf(await reader.firings({ keys: run }))).toEqual([t.county.id, otherCity.id].sort());
    expect(regionsOf(await reader.firings({ keys: run, withinRegionId: t.city.id }))).toEqual([t.county.id]);
    expect(await reader.firings({ year: 2025 })).toEqual([]);
  });
});
