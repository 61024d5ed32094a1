import { requireOneOf } from '../one-of';
import { invalid } from '../rejection';
import { requiredText, TEXT_LIMITS } from '../text-input';
import { seededRandom } from './prng';

/** A unit the sample may fall on: the registry's units in scope, with their region and industry. */
export interface SampleCandidate {
  unitId: string;
  regionId: string;
  industryId: string | null;
}

/**
 * How the sample is spread (随机抽查): over every region (各县区), every industry (各行业), both, or
 * none. The seeds inspect "各县区、各部门" (002 篇四) and publish findings per region and industry
 * (004), so each stratum gets its own draw.
 */
export const STRATIFICATIONS = ['none', 'region', 'industry', 'region_industry'] as const;
export type Stratification = (typeof STRATIFICATIONS)[number];

export interface SampleRequest {
  seed: string;
  stratifyBy: Stratification;
  /** Units drawn from each stratum (from the whole list when not stratified); a smaller stratum gives all it has. */
  perStratum: number;
}

export interface CovertSample extends SampleRequest {
  strata: Array<{ key: string; candidates: number; unitIds: string[] }>;
  /** Every unit drawn, stratum by stratum in key order, each stratum in draw order. */
  unitIds: string[];
}

const NO_INDUSTRY = '-';

function stratumKey(c: SampleCandidate, by: Stratification): string {
  switch (by) {
    case 'none':
      return 'all';
    case 'region':
      return c.regionId;
    case 'industry':
      return c.industryId ?? NO_INDUSTRY;
    case 'region_industry':
      return `${c.regionId}/${c.industryId ?? NO_INDUSTRY}`;
  }
}

/** The request's fields checked; a refusal names the field. */
export function validateSampleRequest(request: SampleRequest): void {
  requiredText(request.seed, 'seed', TEXT_LIMITS.shortText);
  requireOneOf(request.stratifyBy, STRATIFICATIONS, 'stratifyBy');
  if (!Number.isInteger(request.perStratum) || request.perStratum < 1)
    throw invalid('input.out_of_range', 'perStratum', 'perStratum must be a whole number ≥ 1');
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The sample a seed draws from the candidates: pure and reproducible. The candidates are sorted
 * by id and grouped into strata sorted by key before any number is drawn, so the same seed and the
 * same candidates give the same sample whatever order they came in. Each stratum is drawn by a
 * partial Fisher–Yates shuffle, all strata from one generator in key order.
 */
export function drawCovertSample(candidates: readonly SampleCandidate[], request: SampleRequest): CovertSample {
  validateSampleRequest(request);
  if (candidates.length === 0) throw invalid('covert.sample.no_candidates', 'candidates', 'there are no units in scope to sample from');
  const sorted = [...candidates].sort((a, b) => byKey(a.unitId, b.unitId));
  sorted.forEach((c, i) => {
    if (i > 0 && sorted[i - 1].unitId === c.unitId) throw invalid('input.duplicate_id', 'candidates', `unit ${c.unitId} is a candidate twice`);
  });
  const groups = new Map<string, string[]>();
  for (const c of sorted) groups.set(stratumKey(c, request.stratifyBy), [...(groups.get(stratumKey(c, request.stratifyBy)) ?? []), c.unitId]);
  const random = seededRandom(request.seed);
  const strata = [...groups.keys()].sort(byKey).map((key) => {
    const pool = [...(groups.get(key) ?? [])];
    const take = Math.min(request.perStratum, pool.length);
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return { key, candidates: pool.length, unitIds: pool.slice(0, take) };
  });
  return { ...request, strata, unitIds: strata.flatMap((s) => s.unitIds) };
}
