import type {
  AnyRegistryRecord,
  CompetentDepartmentRecord,
  IndustryRecord,
  RegionRecord,
  RegistryKind,
  RegistrySnapshot,
  UnitRecord,
} from '@duban/domain';
import { ENTERPRISE_KINDS, UNIT_STATUSES, regionPath } from '@duban/domain';
import type { RegistryWrite } from '../registry-write';

/** A small deterministic pseudo-random source (a linear congruential generator), so a failure replays. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!, chance: (p: number) => next() < p };
}

/** A registry kept in memory as the writes change it: what resolveRegistryScope should see at each moment. */
export class RegistryModel {
  readonly records = new Map<string, { kind: RegistryKind; record: AnyRegistryRecord; path?: string }>();

  apply(writes: readonly RegistryWrite[]): void {
    for (const write of writes) {
      const key = `${write.kind}:${write.op === 'put' ? write.record.id : write.id}`;
      if (write.op === 'retire') this.records.delete(key);
      else {
        const parentId = (write.record as { parentId?: string | null }).parentId ?? null;
        const parentPath = parentId === null ? null : (this.records.get(`${write.kind}:${parentId}`)?.path ?? null);
        const path = write.kind === 'region' || write.kind === 'industry' ? regionPath(write.record.id, parentPath) : undefined;
        this.records.set(key, { kind: write.kind, record: write.record, path });
      }
    }
  }

  snapshot(): RegistrySnapshot {
    const of = <R>(kind: RegistryKind) =>
      [...this.records.values()].filter((r) => r.kind === kind).map((r) => (r.path ? { ...r.record, path: r.path } : r.record) as R);
    return {
      regions: of('region'),
      industries: of('industry'),
      units: of<UnitRecord>('unit'),
      competentDepartments: of<CompetentDepartmentRecord>('competent_department'),
    };
  }
}

const put = (kind: RegistryKind, record: object): RegistryWrite => ({ kind, op: 'put', record }) as RegistryWrite;

/**
 * A registry under `prefix`: a province, two cities, three counties each (ids with `_`, which
 * LIKE reads as a wildcard, beside look-alikes), two towns each; two industry groups of two;
 * `units` governments, departments and enterprises spread over them; competent-department links.
 * Then `changes()`: statuses changed, units moved and retired, a county and an industry retired.
 */
export function generateRegistry(prefix: string, seed: number, units = 240) {
  const random = seeded(seed);
  const regions: RegionRecord[] = [{ id: `${prefix}`, name: '省', level: 'province', parentId: null, code: null }];
  for (const c of [1, 2]) {
    const city = `${prefix}c${c}`;
    regions.push({ id: city, name: `市${c}`, level: 'city', parentId: prefix, code: null });
    for (const k of ['_1', '11', '_2']) {
      const county = `${city}k${k}`;
      regions.push({ id: county, name: `县${k}`, level: 'county', parentId: city, code: null });
      for (const t of [1, 2]) regions.push({ id: `${county}t${t}`, name: `镇${t}`, level: 'town', parentId: county, code: null });
    }
  }
  const industries: IndustryRecord[] = [];
  for (const g of ['g_1', 'g11']) {
    industries.push({ id: `${prefix}${g}`, name: g, parentId: null });
    for (const s of [1, 2]) industries.push({ id: `${prefix}${g}s${s}`, name: `${g}.${s}`, parentId: `${prefix}${g}` });
  }
  const unitRecords: UnitRecord[] = Array.from({ length: units }, (_, n) => {
    const kind = random.pick(['government', 'department', 'enterprise', 'enterprise', 'enterprise'] as const);
    const base = { id: `${prefix}u${n}`, name: `单位${n}`, kind, regionId: random.pick(regions).id, creditCode: null };
    if (kind !== 'enterprise') return { ...base, industryId: null, enterpriseKind: null, status: null, licensed: null };
    const status = random.pick(UNIT_STATUSES);
    return {
      ...base,
      industryId: random.pick(industries).id,
      enterpriseKind: random.pick(ENTERPRISE_KINDS),
      status,
      licensed: status !== 'unlicensed',
    };
  });
  const departments = unitRecords.filter((u) => u.kind === 'department');
  const links: CompetentDepartmentRecord[] = departments.slice(0, Math.ceil(departments.length / 2)).map((d, n) => ({
    id: `${prefix}cd${n}`,
    regionId: random.pick(regions).id,
    industryId: random.pick(industries).id,
    departmentUnitId: d.id,
    supervision: random.pick(['overall', 'direct'] as const),
  }));
  const initial: RegistryWrite[] = [
    ...regions.map((r) => put('region', r)),
    ...industries.map((i) => put('industry', i)),
    ...unitRecords.map((u) => put('unit', u)),
    ...links.map((l) => put('competent_department', l)),
  ];
  const changes = (): RegistryWrite[] => {
    const writes: RegistryWrite[] = [];
    for (const unit of unitRecords) {
      const roll = random.next();
      if (roll < 0.1) writes.push({ kind: 'unit', op: 'retire', id: unit.id });
      else if (unit.kind === 'enterprise' && roll < 0.3) {
        const status = random.pick(UNIT_STATUSES);
        writes.push(put('unit', { ...unit, status, licensed: status !== 'unlicensed' }));
      } else if (roll > 0.9) writes.push(put('unit', { ...unit, regionId: random.pick(regions).id }));
    }
    // Retired trees: what was below them no longer falls within a selection of them.
    writes.push({ kind: 'region', op: 'retire', id: `${prefix}c2k_2` }, { kind: 'industry', op: 'retire', id: `${prefix}g11s1` });
    return writes;
  };
  return { regions, industries, units: unitRecords, initial, changes };
}
