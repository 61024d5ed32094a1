import {
  checkFixedFields,
  decideRegistryChange,
  DomainRejection,
  isWithinPath,
  regionPath,
  requiredText,
  resolveRegistryScope,
  validateRegistryRecord,
  withinBounds,
  type Place,
  type AnyRegistryRecord,
  type RegistryKind,
  type RegistryLookup,
  type RegistrySnapshot,
} from '@duban/domain';
import {
  RegistryReader,
  RegistryWriter,
  RegistryWriteRefused,
  type RegistryChange,
  type RegistryEntry,
  type RegistryListFilter,
  type RegistryWrite,
  type RegistryWriteResult,
} from '@duban/persistence';

const idOf = (write: RegistryWrite) => (write.op === 'put' ? write.record.id : write.id);
/** The units a record is of, as the SQL lists filter `unitId`. */
function unitsOf(entry: RegistryEntry): Array<string | undefined> {
  const r = entry.record as unknown as Record<string, string | undefined>;
  if (entry.kind === 'unit') return [r.id];
  if (entry.kind === 'person') return [r.unitId];
  if (entry.kind === 'competent_department') return [r.departmentUnitId];
  if (entry.kind === 'responsibility') return [r.holderKind === 'unit' ? r.holderId : undefined, r.targetKind === 'unit' ? r.targetId : undefined];
  return [];
}

const inForce = (entry: RegistryEntry, asOf: Date | undefined) =>
  asOf === undefined ? entry.validTo === null : new Date(entry.validFrom) <= asOf && (entry.validTo === null || new Date(entry.validTo) > asOf);

/**
 * The registry for the HTTP specs: the domain's own rules (validation, references, the change
 * rule) over versions kept in memory. What PostgreSQL does (SQL, transactions, races) is covered
 * by libs/persistence/src/registry/*.pg.spec.ts.
 */
export class InMemoryRegistry {
  private versions = new Map<string, RegistryEntry[]>();

  /** A registry holding `writes`, recorded at once (for stand-ins built where nothing can be awaited). */
  static holding(writes: readonly RegistryWrite[], at = new Date('2026-01-01T00:00:00.000Z')): InMemoryRegistry {
    const registry = new InMemoryRegistry();
    registry.put(writes, at);
    return registry;
  }

  /** Records `writes` as the office's seed (登记), refused as the writer refuses them. */
  put(writes: readonly RegistryWrite[], at: Date): RegistryWriteResult[] {
    return this.writeBatch(writes, { actor: { id: 'o-seed', name: '安委办', role: 'office' }, reason: '初始登记', at });
  }

  private current(kind: RegistryKind, id: string, asOf?: Date): RegistryEntry | undefined {
    return this.versions.get(`${kind}:${id}`)?.find((e) => inForce(e, asOf));
  }

  private writeBatch(writes: readonly RegistryWrite[], change: RegistryChange): RegistryWriteResult[] {
    const saved = new Map([...this.versions].map(([k, v]) => [k, [...v]]));
    const lookup: RegistryLookup = (kind, id) => {
      const found = this.current(kind, id);
      return found && !found.retired ? (found.record as never) : undefined;
    };
    const results: RegistryWriteResult[] = [];
    for (const [index, write] of writes.entries()) {
      const { kind } = write;
      const id = idOf(write);
      try {
        requiredText(write.reason ?? change.reason, 'reason');
        const current = this.current(kind, id);
        if (write.op === 'put') {
          validateRegistryRecord(kind, write.record, lookup);
          if (current) checkFixedFields(kind, current.record as never, write.record);
        }
        const decision = decideRegistryChange(
          current,
          write.op === 'put' ? { op: 'put', record: write.record, expectedVersion: write.expectedVersion } : write,
        );
        if (decision.outcome === 'unknown') {
          this.versions = saved;
          throw new RegistryWriteRefused([{ index, kind, id, code: 'resource.not_found', message: `${kind} ${id} is not in the registry` }]);
        }
        if (decision.outcome === 'unchanged') {
          results.push({ kind, id, outcome: 'unchanged', version: decision.version });
          continue;
        }
        const record = (write.op === 'put' ? write.record : current!.record) as AnyRegistryRecord;
        const parentId = (record as { parentId?: string | null }).parentId ?? null;
        const path =
          kind === 'region' || kind === 'industry'
            ? (current?.path ?? regionPath(id, parentId === null ? null : (this.current(kind, parentId)?.path ?? null)))
            : undefined;
        const validFrom = change.at.toISOString();
        const entry = {
          kind,
          record,
          version: decision.version,
          retired: decision.change === 'retired',
          change: decision.change,
          validFrom,
          validTo: null,
          reason: write.reason ?? change.reason,
          changedBy: { id: change.actor.id, name: change.actor.name, role: change.actor.role, unitId: change.actor.unitId ?? null },
          ...(path !== undefined ? { path } : {}),
        } as RegistryEntry;
        // Entries are replaced, never changed in place, so that a refused batch restores `saved` exactly.
        const earlier = (this.versions.get(`${kind}:${id}`) ?? []).map((e) => (e === current ? { ...e, validTo: validFrom } : e));
        this.versions.set(`${kind}:${id}`, [...earlier, entry]);
        results.push({ kind, id, outcome: decision.change, version: decision.version });
      } catch (e) {
        this.versions = saved;
        if (e instanceof DomainRejection)
          throw new RegistryWriteRefused([{ index, kind, id, code: e.code, field: e.field, message: e.message, rejection: e }]);
        throw e;
      }
    }
    return results;
  }

  /** Where a unit sits, from the current versions (retired ones too), as RegistryReader.placesOf answers. */
  placeOf(unitId: string): Place {
    const unit = this.current('unit', unitId)?.record as { regionId?: string; industryId?: string | null } | undefined;
    const path = (kind: RegistryKind, id: string | null | undefined) => (id ? (this.current(kind, id)?.path?.split('/') ?? null) : null);
    return { unitId, regionPath: path('region', unit?.regionId), industryPath: path('industry', unit?.industryId) };
  }

  /** A region's current path, as RegistryReader.regionPathOf answers. */
  regionPathOf(regionId: string): string[] | null {
    return this.current('region', regionId)?.path?.split('/') ?? null;
  }

  private snapshot(asOf?: Date): RegistrySnapshot {
    const all = (kind: RegistryKind) =>
      [...this.versions.values()].flatMap((v) => v.filter((e) => e.kind === kind && inForce(e, asOf) && !e.retired));
    return {
      regions: all('region').map((e) => ({ ...(e as RegistryEntry<'region'>).record, path: e.path! })),
      industries: all('industry').map((e) => ({ ...(e as RegistryEntry<'industry'>).record, path: e.path! })),
      units: all('unit').map((e) => (e as RegistryEntry<'unit'>).record),
      competentDepartments: all('competent_department').map((e) => (e as RegistryEntry<'competent_department'>).record),
    };
  }

  readonly writer: Partial<RegistryWriter> = {
    writeRegistryBatch: async (writes, change) => this.writeBatch(writes, change),
    writeRegistry: async (write, change) => {
      try {
        return this.writeBatch([write], change)[0]!;
      } catch (e) {
        throw (e instanceof RegistryWriteRefused && e.errors[0]?.rejection) || e;
      }
    },
  };

  readonly reader: Partial<RegistryReader> = {
    get: async (kind, id, asOf) => this.current(kind, id, asOf) as never,
    history: async (kind, id) => (this.versions.get(`${kind}:${id}`) ?? []) as never,
    scope: async (selector, asOf) => resolveRegistryScope(selector, this.snapshot(asOf)),
    snapshot: async (asOf) => this.snapshot(asOf),
    placesOf: async (unitIds) => new Map(unitIds.map((id) => [id, this.placeOf(id)])),
    regionPathOf: async (regionId) => this.regionPathOf(regionId),
    list: async (kind, filter: RegistryListFilter = {}) => {
      const inScope = kind === 'unit' ? new Set(resolveRegistryScope(filter, this.snapshot(filter.asOf)).map((u) => u.id)) : undefined;
      const regionPaths = (filter.regionIds ?? []).flatMap((id) => this.current('region', id, filter.asOf)?.path ?? []);
      const items = [...this.versions.values()]
        .flatMap((v) => v.filter((e) => e.kind === kind && inForce(e, filter.asOf) && (filter.includeRetired || !e.retired)))
        .filter((e) => !inScope || inScope.has(e.record.id) || (filter.includeRetired && e.retired))
        .filter((e) => kind !== 'region' || !filter.regionIds?.length || regionPaths.some((p) => isWithinPath(e.path!, p)))
        .filter((e) => filter.level === undefined || (e.record as { level?: string }).level === filter.level)
        .filter((e) => filter.unitId === undefined || unitsOf(e).includes(filter.unitId))
        .filter((e) => filter.bounds === undefined || withinBounds(filter.bounds, this.placeOf(unitsOf(e)[0]!)))
        .sort((a, b) => (a.record.id < b.record.id ? -1 : 1));
      const offset = filter.offset ?? 0;
      return { items: items.slice(offset, offset + (filter.limit ?? 50)), total: items.length } as never;
    },
  };
}

/** The registry the matrix and the HTTP specs start from: 浙江省 › 杭州市 › 西湖区 › a town, an industry, unit-a and unit-b with a person each. */
export const REGISTRY_SEED: RegistryWrite[] = [
  { kind: 'region', op: 'put', record: { id: '330000', name: '浙江省', level: 'province', parentId: null, code: '330000' } },
  { kind: 'region', op: 'put', record: { id: '330100', name: '杭州市', level: 'city', parentId: '330000', code: '330100' } },
  { kind: 'region', op: 'put', record: { id: '330106', name: '西湖区', level: 'county', parentId: '330100', code: '330106' } },
  { kind: 'region', op: 'put', record: { id: '330106001', name: '北山街道', level: 'town', parentId: '330106', code: '330106001' } },
  { kind: 'region', op: 'put', record: { id: 'm-retire', name: '待注销街道', level: 'town', parentId: '330106', code: null } },
  { kind: 'industry', op: 'put', record: { id: 'chemicals', name: '危险化学品', parentId: null } },
  { kind: 'industry', op: 'put', record: { id: 'm-retire', name: '待注销行业', parentId: null } },
  ...(['unit-a', 'unit-b'] as const).map((id): RegistryWrite => ({
    kind: 'unit',
    op: 'put',
    record: {
      id,
      name: id === 'unit-a' ? '甲化工有限公司' : '乙化工有限公司',
      kind: 'enterprise',
      regionId: '330106001',
      industryId: 'chemicals',
      enterpriseKind: 'ordinary',
      status: 'producing',
      licensed: true,
      creditCode: null,
    },
  })),
  { kind: 'person', op: 'put', record: { id: 'person-a', name: '张三', post: '总经理', unitId: 'unit-a', phone: null, roles: ['principal'] } },
  { kind: 'person', op: 'put', record: { id: 'person-b', name: '钱七', post: '安全员', unitId: 'unit-b', phone: null, roles: ['safety_officer'] } },
  {
    kind: 'responsibility',
    op: 'put',
    record: { id: 'resp-a', type: 'principal_entity', holderKind: 'unit', holderId: 'unit-a', targetKind: 'unit', targetId: 'unit-a' },
  },
  {
    kind: 'responsibility',
    op: 'put',
    record: { id: 'm-retire', type: 'territorial', holderKind: 'person', holderId: 'person-a', targetKind: 'region', targetId: '330106' },
  },
];

/** An in-memory registry holding REGISTRY_SEED (and `extra` after it), recorded at `at` by the office. */
export async function seededRegistry(at: Date, extra: readonly RegistryWrite[] = []): Promise<InMemoryRegistry> {
  return InMemoryRegistry.holding([...REGISTRY_SEED, ...extra], at);
}

/** The overrides that put `registry` behind the API's RegistryModule. */
export const registryOverrides = (registry: InMemoryRegistry) =>
  [
    [RegistryReader, registry.reader],
    [RegistryWriter, registry.writer],
  ] as const;
