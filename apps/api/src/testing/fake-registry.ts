import { resolveRegistryScope, type Place, type RegistrySnapshot, type UnitRecord } from '@duban/domain';
import type { RegistryReader } from '@duban/persistence';

const enterprise = (id: string, name: string, regionId: string, industryId: string, status: UnitRecord['status'] = 'producing'): UnitRecord => ({
  id,
  name,
  kind: 'enterprise',
  regionId,
  industryId,
  enterpriseKind: 'ordinary',
  status,
  licensed: status !== 'unlicensed',
  creditCode: null,
});

/**
 * A small registry (单位库): a city with two counties and a town, two industries, a county
 * government and four enterprises — one of them unlicensed (只管有证的不管无证的 is a failure).
 */
export const SPEC_REGISTRY: RegistrySnapshot = {
  regions: [
    { id: '370100', name: '济南市', level: 'city', parentId: null, code: '370100', path: '370100' },
    { id: '370102', name: '历下区', level: 'county', parentId: '370100', code: '370102', path: '370100/370102' },
    { id: '370103', name: '市中区', level: 'county', parentId: '370100', code: '370103', path: '370100/370103' },
    { id: '370102001', name: '解放路街道', level: 'town', parentId: '370102', code: '370102001', path: '370100/370102/370102001' },
  ],
  industries: [
    { id: 'construction', name: '建筑施工', parentId: null, path: 'construction' },
    { id: 'chemicals', name: '危险化学品', parentId: null, path: 'chemicals' },
  ],
  units: [
    {
      id: 'lixia-gov',
      name: '历下区人民政府',
      kind: 'government',
      regionId: '370102',
      industryId: null,
      enterpriseKind: null,
      status: null,
      licensed: null,
      creditCode: null,
    },
    enterprise('lixia-build', '历下建设集团', '370102', 'construction'),
    enterprise('jiefang-chem', '解放路化工', '370102001', 'chemicals', 'unlicensed'),
    enterprise('shizhong-build', '市中建筑公司', '370103', 'construction'),
    enterprise('shizhong-closed', '市中停产厂', '370103', 'chemicals', 'closed'),
  ],
  competentDepartments: [],
};

/**
 * The registry reader the campaigns API reads a launch's scope through, answering from
 * `snapshot` by the pure resolver (the SQL twin is held to it by the pg specs); records each
 * read with the as-of it asked, so a spec sees that a launch reads only what it needs, as of the start;
 * `get` answers regions only (what the campaign task list names its levels by), current version;
 * `placesOf` answers from the snapshot's units, or from `places` where a spec sets a unit's place.
 */
export function fakeRegistryReader(snapshot: RegistrySnapshot = SPEC_REGISTRY): Pick<
  RegistryReader,
  'snapshot' | 'scope' | 'regions' | 'industries' | 'get' | 'placesOf' | 'regionPathOf'
> & {
  asOfs: Date[];
  reads: Array<{ read: string; asOf?: Date }>;
  places: Map<string, Place>;
} {
  const places = new Map<string, Place>();
  const pathOf = (records: ReadonlyArray<{ id: string; path: string }>, id: string | null) => {
    const found = id === null ? undefined : records.find((r) => r.id === id);
    return found ? found.path.split('/') : null;
  };
  const placeOf = (unitId: string): Place => {
    const unit = snapshot.units.find((u) => u.id === unitId);
    return (
      places.get(unitId) ?? {
        unitId,
        regionPath: unit ? pathOf(snapshot.regions, unit.regionId) : null,
        industryPath: unit ? pathOf(snapshot.industries, unit.industryId) : null,
      }
    );
  };
  const reads: Array<{ read: string; asOf?: Date }> = [];
  const asOfs: Date[] = [];
  const record = (read: string, asOf: Date | undefined) => {
    reads.push({ read, ...(asOf ? { asOf } : {}) });
    if (asOf) asOfs.push(asOf);
  };
  const byIds = <T extends { id: string }>(records: readonly T[], ids: readonly string[]) => records.filter((r) => ids.includes(r.id));
  return {
    asOfs,
    reads,
    places,
    placesOf: async (unitIds) => new Map(unitIds.map((id) => [id, placeOf(id)])),
    regionPathOf: async (regionId) => pathOf(snapshot.regions, regionId),
    get: (async (kind: string, id: string) => {
      const region = kind === 'region' ? snapshot.regions.find((r) => r.id === id) : undefined;
      if (!region) return undefined;
      const { path, ...record } = region;
      return {
        kind,
        record,
        path,
        version: 1,
        retired: false,
        change: 'created',
        validFrom: '2026-01-01T00:00:00.000Z',
        validTo: null,
        reason: 'spec',
        changedBy: { id: 'spec', name: 'spec', role: 'office', unitId: null },
      };
    }) as RegistryReader['get'],
    snapshot: async (asOf?: Date) => {
      record('snapshot', asOf);
      return snapshot;
    },
    scope: async (selector, asOf, limit) => {
      record('scope', asOf);
      return resolveRegistryScope(selector, snapshot).slice(0, limit);
    },
    regions: async (ids, asOf) => {
      record('regions', asOf);
      return byIds(snapshot.regions, ids);
    },
    industries: async (ids, asOf) => {
      record('industries', asOf);
      return byIds(snapshot.industries, ids);
    },
  };
}
