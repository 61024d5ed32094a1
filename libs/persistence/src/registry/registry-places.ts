import type { DataSource } from 'typeorm';
import type { Place } from '@duban/domain';

/**
 * Where units sit for supervision (属地 and 行业), from the registry's current versions (a
 * retired unit keeps the place it had: its hazards and obligations stay where they were). A
 * unit the registry does not know has no place: only an account bound by no territory covers it.
 */
export async function placesOf(dataSource: DataSource, unitIds: readonly string[]): Promise<Map<string, Place>> {
  const ids = [...new Set(unitIds)];
  const rows: Array<{ unitId: string; regionPath: string | null; industryPath: string | null }> = ids.length
    ? await dataSource.query(
        `SELECT u.id AS "unitId", r.path AS "regionPath", i.path AS "industryPath"
           FROM registry_unit u
           LEFT JOIN registry_region r ON r.id = u.region_id AND r.valid_to IS NULL
           LEFT JOIN registry_industry i ON i.id = u.industry_id AND i.valid_to IS NULL
          WHERE u.valid_to IS NULL AND u.id = ANY($1)`,
        [ids],
      )
    : [];
  const found = new Map(rows.map((r) => [r.unitId, r]));
  return new Map(
    ids.map((unitId) => {
      const row = found.get(unitId);
      return [unitId, { unitId, regionPath: splitPath(row?.regionPath), industryPath: splitPath(row?.industryPath) }];
    }),
  );
}

/** A region's path (root first, itself last) from its current version; null when the registry does not know it. */
export async function regionPathOf(dataSource: DataSource, regionId: string): Promise<string[] | null> {
  const rows: Array<{ path: string }> = await dataSource.query('SELECT path FROM registry_region WHERE id = $1 AND valid_to IS NULL', [regionId]);
  return splitPath(rows[0]?.path);
}

const splitPath = (path: string | null | undefined): string[] | null => (path ? path.split('/') : null);
