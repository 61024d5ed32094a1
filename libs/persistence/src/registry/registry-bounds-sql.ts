import type { ListBounds } from '@duban/domain';

/** What numbers a query's parameters (the ledgers' Where and the registry's Conditions both do). */
interface Parameters {
  param(value: unknown): string;
}

/** `alias.path` lies at or below the current region (or industry) `id`: LIKE on the stored path, its wildcards escaped. */
export function atOrBelow(table: 'registry_region' | 'registry_industry', alias: string, id: string): string {
  const root = String.raw`(SELECT replace(replace(replace(root.path, '\', '\\'), '%', '\%'), '_', '\_') FROM ${table} root WHERE root.id = ${id} AND root.valid_to IS NULL)`;
  return `(${alias}.path || '/') LIKE ${root} || '/%'`;
}

/** `alias.path` (registry_region) lies at or below the current region `id` (a placeholder). */
export const regionAtOrBelow = (alias: string, id: string) => atOrBelow('registry_region', alias, id);

/**
 * The one SQL filter of a list's bounds (libs/domain/src/scope/list-bounds.ts), over a unit-id
 * column: the SQL twin of `withinBounds` (a pg spec holds them equal over a seeded registry).
 * Region and industry are tested on the registry's current versions; undefined when the bounds
 * bound nothing.
 */
export function unitWithinBounds(column: string, bounds: ListBounds | undefined, where: Parameters): string | undefined {
  if (bounds === undefined) return undefined;
  const parts: string[] = [];
  if (bounds.unitId !== undefined) parts.push(`${column} = ${where.param(bounds.unitId)}`);
  if (bounds.regionId !== undefined || bounds.industryId !== undefined) {
    // The regions (industries) first, a few rows, then the units in them: a plan that stays small without statistics too.
    const conditions = ['bu.valid_to IS NULL'];
    if (bounds.regionId !== undefined) {
      const below = atOrBelow('registry_region', 'br', where.param(bounds.regionId));
      conditions.push(`bu.region_id IN (SELECT br.id FROM registry_region br WHERE br.valid_to IS NULL AND ${below})`);
    }
    if (bounds.industryId !== undefined) {
      const below = atOrBelow('registry_industry', 'bi', where.param(bounds.industryId));
      conditions.push(`bu.industry_id IN (SELECT bi.id FROM registry_industry bi WHERE bi.valid_to IS NULL AND ${below})`);
    }
    const placed = `${column} IN (SELECT bu.id FROM registry_unit bu WHERE ${conditions.join(' AND ')})`;
    parts.push(bounds.orUnitId === undefined ? placed : `(${placed} OR ${column} = ${where.param(bounds.orUnitId)})`);
  }
  return parts.length ? parts.join(' AND ') : undefined;
}
