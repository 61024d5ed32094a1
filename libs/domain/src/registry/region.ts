import { requireOneOf } from '../one-of';
import { invalid } from '../rejection';
import { requiredText, TEXT_LIMITS } from '../text-input';
import { optionalRegistryId, requireRegistryId } from './registry-id';
import { checkRegionCode } from './region-code';

/** The levels of the region tree: 省 → 市 → 县/区 → 乡镇/街道. */
export const REGION_LEVELS = ['province', 'city', 'county', 'town'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  province: '省',
  city: '市',
  county: '县/区',
  town: '乡镇/街道',
};

/** A region (属地): a node of the tree, with its official code (行政区划代码) where one exists. */
export interface RegionRecord {
  id: string;
  name: string;
  level: RegionLevel;
  /** Null only for a tree's root. Fixed once created: re-parenting is retire + create, which keeps paths stable. */
  parentId: string | null;
  code: string | null;
}

/** A region with its stored path: its ancestors' ids, root first, itself last. */
export type RegionNode = RegionRecord & { path: string };

export const REGION_PATH_SEPARATOR = '/';

/** The path a region is stored with: the parent's path and its own id (a root: its id). */
export function regionPath(id: string, parentPath: string | null): string {
  return parentPath === null ? id : `${parentPath}${REGION_PATH_SEPARATOR}${id}`;
}

/** `path` is `ancestorPath` or lies below it. */
export function isWithinPath(path: string, ancestorPath: string): boolean {
  return path === ancestorPath || path.startsWith(`${ancestorPath}${REGION_PATH_SEPARATOR}`);
}

/**
 * Checks one region against itself and its parent (as the registry holds it now): a level one
 * below the parent's, and a code whose prefix agrees with the parent's code. `parent` is
 * undefined when the record has no parent or the parent is unknown (refused when it has one).
 */
export function validateRegion(record: RegionRecord, parent: RegionRecord | undefined): void {
  requireRegistryId(record.id, 'id');
  requiredText(record.name, 'name', TEXT_LIMITS.shortText);
  requireOneOf(record.level, REGION_LEVELS, 'level');
  const parentId = optionalRegistryId(record.parentId, 'parentId');
  if (parentId === null) {
    if (record.level !== 'province') throw invalid('registry.region.parent_required', 'parentId', `a ${record.level} needs its parent region`);
  } else {
    if (!parent) throw invalid('registry.reference.unknown', 'parentId', `parent region ${parentId} is not in the registry`);
    const expected = REGION_LEVELS[REGION_LEVELS.indexOf(parent.level) + 1];
    if (record.level !== expected)
      throw invalid('registry.region.level_mismatch', 'level', `below a ${parent.level} comes a ${expected ?? '(nothing)'}, not a ${record.level}`);
  }
  checkRegionCode(record.code, record.level, parent?.code ?? null);
}
