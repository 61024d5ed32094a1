import type { DataSource } from 'typeorm';
import type { Actor, CovertExposureList } from '@duban/domain';
import { iso, type Raw } from '../sql/row-values';

/** A published exposure list (暗访曝光) as the API shows it. */
export interface CovertExposurePublicationRow {
  publicationKey: string;
  from: string;
  to: string;
  regionId: string | null;
  industry: string | null;
  total: number;
  publishedAt: string;
  publishedBy: { id: string; name: string; role: Actor['role'] };
  reason: string;
  list: CovertExposureList;
}

export interface CovertExposurePublicationInput {
  list: CovertExposureList;
  actor: Actor;
  reason: string;
  at: Date;
}

/** The key of a period's list with its filters: one publication each. */
export const covertExposurePublicationKey = (list: Pick<CovertExposureList, 'from' | 'to' | 'regionId' | 'industry'>) =>
  `${list.from}..${list.to}|${list.regionId ?? '*'}|${list.industry ?? '*'}`;

const toRow = (r: Raw): CovertExposurePublicationRow => ({
  publicationKey: r.publication_key,
  from: r.from_day,
  to: r.to_day,
  regionId: r.region_id,
  industry: r.industry_id,
  total: r.total,
  publishedAt: iso(r.published_at),
  publishedBy: { id: r.published_by_id, name: r.published_by_name, role: r.published_by_role },
  reason: r.reason,
  list: r.list,
});

/**
 * The published exposure lists. Publishing is retry-safe: the period and filters are the key,
 * inserted with DO NOTHING, and the answer is the row on record (the first publication), with
 * whether this call created it.
 */
export class CovertExposurePublications {
  constructor(private readonly dataSource: DataSource) {}

  async publish(input: CovertExposurePublicationInput): Promise<{ publication: CovertExposurePublicationRow; created: boolean }> {
    const { list, actor } = input;
    const key = covertExposurePublicationKey(list);
    const inserted: Raw[] = await this.dataSource.query(
      `INSERT INTO covert_exposure_publication
         (publication_key, from_day, to_day, region_id, industry_id, total, published_at, published_by_id, published_by_name, published_by_role, reason, list)
       VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8, $9, $10, $11, $12::jsonb)
       ON CONFLICT (publication_key) DO NOTHING RETURNING publication_key`,
      [
        key,
        list.from,
        list.to,
        list.regionId ?? null,
        list.industry ?? null,
        list.total,
        input.at.toISOString(),
        actor.id,
        actor.name,
        actor.role,
        input.reason,
        JSON.stringify(list),
      ],
    );
    const publication = await this.get(key);
    if (!publication) throw new Error(`CovertExposurePublications: ${key} neither inserted nor found`);
    return { publication, created: inserted.length > 0 };
  }

  async get(publicationKey: string): Promise<CovertExposurePublicationRow | undefined> {
    const rows: Raw[] = await this.dataSource.query('SELECT * FROM covert_exposure_publication WHERE publication_key = $1', [publicationKey]);
    return rows[0] ? toRow(rows[0]) : undefined;
  }
}
