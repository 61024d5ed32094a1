import { regionAtOrBelow } from '../registry/registry-bounds-sql';
import type { Where } from '../sql/where';

/**
 * `column` (a region id) is `regionId` or a region the registry (current versions) places below
 * it: a city's filter covers its counties' rows. An id the registry does not know matches itself
 * only, so a row whose region was never registered is still found by its own id.
 */
export function regionAtOrBelowSql(column: string, regionId: string, where: Where): string {
  const id = where.param(regionId);
  return `(${column} = ${id} OR ${column} IN (SELECT wr.id FROM registry_region wr WHERE wr.valid_to IS NULL AND ${regionAtOrBelow('wr', id)}))`;
}
