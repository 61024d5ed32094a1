import { unprocessable } from '../rejection';
import type { CompetentDepartmentRecord, SupervisionKind } from '../registry/competent-department';
import { REGION_LEVELS, type RegionRecord } from '../registry/region';
import type { UnitRecord } from '../registry/registry-unit';

/** What the registry holds around an inspected unit, as far as its feedback's recipients need it. */
export interface FeedbackRegistryFacts {
  unitId: string;
  /** The inspected unit, current; undefined when the registry does not hold it (or it is retired). */
  unit: UnitRecord | undefined;
  /** The unit's region and its ancestors, in any order (the chain up to the province). */
  regions: readonly RegionRecord[];
  /** The unit's industry and its ancestors' ids, root first, itself last (empty when it has none). */
  industryPath: readonly string[];
  /** Government units (政府) in those regions; others are ignored. */
  governments: readonly UnitRecord[];
  /** Competent-department links (主管部门) in those regions; links for other regions or industries are ignored. */
  competentDepartments: readonly CompetentDepartmentRecord[];
}

/** The two units a covert on-site order's result is fed back to (反馈县区政府、行业主管部门). */
export interface FeedbackRecipientUnits {
  countyGovernmentUnitId: string;
  industryDepartmentUnitId: string;
}

const COUNTY = REGION_LEVELS.indexOf('county');
const SUPERVISION_RANK: Record<SupervisionKind, number> = { direct: 0, overall: 1 };
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The unit's region chain from its county-level region up to the root (县/区 → 市 → 省); empty when it sits above any county. */
function countyAndAbove(facts: FeedbackRegistryFacts, unit: UnitRecord): RegionRecord[] {
  const byRegionId = new Map(facts.regions.map((r) => [r.id, r]));
  const chain: RegionRecord[] = [];
  for (let r = byRegionId.get(unit.regionId); r; r = r.parentId === null ? undefined : byRegionId.get(r.parentId)) {
    if (REGION_LEVELS.indexOf(r.level) <= COUNTY) chain.push(r);
  }
  return chain[0]?.level === 'county' ? chain : [];
}

/**
 * Who is told of a covert on-site order at `facts.unitId`, from the registry:
 * - 县区政府: the `government` unit of the unit's county-level region (the region chain walked
 *   up from the unit's own region, a town's unit reaching its county). Several: the first by id.
 * - 行业主管部门: the competent department for the unit's industry, nearest region first — the
 *   county's, else its city's, else the province's — because the feedback is a local follow-up
 *   and only a county without its own department hands it to the level above (属地管理, 分级负责).
 *   Within one region 直接监管 (the industry's own department) comes before 综合监管 (the safety
 *   regulator overall), since the brief names the industry department; then the most specific
 *   industry (a link for the unit's own industry before one for its parent grouping); then id.
 * Refuses, naming the field the recipient would have filled, when the registry holds no such unit.
 */
export function resolveFeedbackRecipients(facts: FeedbackRegistryFacts): FeedbackRecipientUnits {
  const unit = facts.unit;
  if (!unit)
    throw unprocessable(
      'covert.feedback.unit_unknown',
      'unitId',
      `unit ${facts.unitId} is not in the registry: its feedback's recipients are unknown`,
    );
  const chain = countyAndAbove(facts, unit);
  const county = chain[0];
  if (!county)
    throw unprocessable(
      'covert.feedback.county_government_missing',
      'countyGovernmentUnitId',
      `unit ${unit.id} sits in region ${unit.regionId}, not in or below a county (县/区): no county government to feed back to`,
    );
  const government = facts.governments.filter((g) => g.kind === 'government' && g.regionId === county.id).sort(byId)[0];
  if (!government)
    throw unprocessable(
      'covert.feedback.county_government_missing',
      'countyGovernmentUnitId',
      `the registry holds no government unit (县区政府) of county ${county.id} (${county.name})`,
    );
  return { countyGovernmentUnitId: government.id, industryDepartmentUnitId: industryDepartment(facts, unit, chain) };
}

function industryDepartment(facts: FeedbackRegistryFacts, unit: UnitRecord, chain: readonly RegionRecord[]): string {
  const missing = (why: string) => unprocessable('covert.feedback.industry_department_missing', 'industryDepartmentUnitId', why);
  if (!unit.industryId || facts.industryPath.length === 0)
    throw missing(`unit ${unit.id} has no industry (行业): no industry department to feed back to`);
  // Most specific first: the unit's own industry has the highest index in its path.
  const specificity = (industryId: string) => facts.industryPath.length - 1 - facts.industryPath.indexOf(industryId);
  for (const region of chain) {
    const [best] = facts.competentDepartments
      .filter((c) => c.regionId === region.id && facts.industryPath.includes(c.industryId))
      .sort(
        (a, b) =>
          SUPERVISION_RANK[a.supervision] - SUPERVISION_RANK[b.supervision] || specificity(a.industryId) - specificity(b.industryId) || byId(a, b),
      );
    if (best) return best.departmentUnitId;
  }
  const where = chain.map((r) => r.id).join(' → ');
  throw missing(`the registry holds no competent department (主管部门) for industry ${unit.industryId} in ${where}`);
}
