import {
  REGION_LEVELS,
  type CompetentDepartmentRecord,
  type FeedbackRegistryFacts,
  type RecordOf,
  type RegionRecord,
  type RegistryKind,
  type UnitRecord,
} from '@duban/domain';
import type { RegistryListFilter, RegistryReader } from '@duban/persistence';

const PAGE = 500;
const COUNTY = REGION_LEVELS.indexOf('county');

/** Every record a list filter matches, page by page (a province's links may fill more than one). */
async function everyRecord<K extends RegistryKind>(registry: RegistryReader, kind: K, filter: RegistryListFilter): Promise<Array<RecordOf<K>>> {
  const records: Array<RecordOf<K>> = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await registry.list(kind, { ...filter, limit: PAGE, offset });
    records.push(...page.items.map((e) => e.record));
    if (page.items.length < PAGE || records.length >= page.total) return records;
  }
}

/**
 * What resolveFeedbackRecipients needs around `unitId`, read from the registry as it is at `now`:
 * the unit, its region chain, its industry's path, the governments of its county, and the
 * competent-department links of its county — and of the regions above only while the nearer
 * ones have none for its industries (the rule stops at the nearest, so the reads do too).
 */
export async function feedbackRegistryFacts(registry: RegistryReader, unitId: string, now: Date): Promise<FeedbackRegistryFacts> {
  const current = async <K extends RegistryKind>(kind: K, id: string) => {
    const entry = await registry.get(kind, id, now);
    return entry && !entry.retired ? entry : undefined;
  };
  const unit: UnitRecord | undefined = (await current('unit', unitId))?.record;
  const none: FeedbackRegistryFacts = { unitId, unit, regions: [], industryPath: [], governments: [], competentDepartments: [] };
  if (!unit) return none;
  const regionIds = (await registry.regionPathOf(unit.regionId)) ?? [];
  const regions = (await Promise.all(regionIds.map((id) => current('region', id)))).flatMap((e): RegionRecord[] => (e ? [e.record] : []));
  const industry = unit.industryId ? await current('industry', unit.industryId) : undefined;
  const industryPath = industry?.path?.split('/') ?? [];
  // Nearest first: the county, then the city, then the province.
  const upward = regions.filter((r) => REGION_LEVELS.indexOf(r.level) <= COUNTY).reverse();
  const county = upward[0]?.level === 'county' ? upward[0] : undefined;
  if (!county) return { ...none, regions };
  const governments = await everyRecord(registry, 'unit', { kinds: ['government'], regionIds: [county.id], asOf: now });
  const competentDepartments: CompetentDepartmentRecord[] = [];
  for (const region of industryPath.length ? upward : []) {
    const links = await everyRecord(registry, 'competent_department', { regionIds: [region.id], industryIds: industryPath.slice(0, 1), asOf: now });
    const here = links.filter((l) => l.regionId === region.id && industryPath.includes(l.industryId));
    competentDepartments.push(...here);
    if (here.length) break;
  }
  return { unitId, unit, regions, industryPath, governments, competentDepartments };
}
