import type { Actor, CampaignTemplate } from '@duban/domain';

/** A template an office posted (the shipped ones are not stored). */
export interface StoredCampaignTemplate {
  template: CampaignTemplate;
  /** Person id of who posted it. */
  createdBy: string;
  createdAt: string;
}

/**
 * Where office-created campaign templates live. Append-only: a template a campaign was launched
 * with is copied into that campaign, so a stored one is never edited in place — post a new id.
 */
export interface CampaignTemplateStore {
  list(): Promise<StoredCampaignTemplate[]>;
  get(templateId: string): Promise<StoredCampaignTemplate | undefined>;
  /** Stores it; undefined when the id is already taken (nothing is overwritten). */
  insert(template: CampaignTemplate, createdBy: Actor): Promise<StoredCampaignTemplate | undefined>;
}

/** Injection token of the CampaignTemplateStore. */
export const CAMPAIGN_TEMPLATE_STORE = Symbol('CampaignTemplateStore');

/** What the store needs of a database: `DataSource.query` (TypeORM) or `Pool.query`-like. */
export interface SqlQueryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- DataSource.query's own type; rows are mapped by toStored
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

type Raw = { template_id: string; template: CampaignTemplate; created_by: string; created_at: Date | string };

function toStored(r: Raw): StoredCampaignTemplate {
  return {
    template: r.template,
    createdBy: r.created_by,
    createdAt: (r.created_at instanceof Date ? r.created_at : new Date(r.created_at)).toISOString(),
  };
}

/**
 * The store on PostgreSQL table `campaign_template` (created by a migration, never here):
 *
 *   CREATE TABLE campaign_template (
 *     template_id text PRIMARY KEY,
 *     template jsonb NOT NULL,
 *     created_by text NOT NULL,
 *     created_at timestamptz NOT NULL DEFAULT now()
 *   );
 *
 * Plain SQL through `query`, no entity: the persistence lib owns the mapped tables.
 */
export class SqlCampaignTemplateStore implements CampaignTemplateStore {
  constructor(private readonly db: SqlQueryable) {}

  async list(): Promise<StoredCampaignTemplate[]> {
    const rows: Raw[] = await this.db.query(
      'SELECT template_id, template, created_by, created_at FROM campaign_template ORDER BY created_at, template_id',
    );
    return rows.map(toStored);
  }

  async get(templateId: string): Promise<StoredCampaignTemplate | undefined> {
    const rows: Raw[] = await this.db.query('SELECT template_id, template, created_by, created_at FROM campaign_template WHERE template_id = $1', [
      templateId,
    ]);
    return rows[0] ? toStored(rows[0]) : undefined;
  }

  async insert(template: CampaignTemplate, createdBy: Actor): Promise<StoredCampaignTemplate | undefined> {
    // ON CONFLICT DO NOTHING: two offices posting the same id at once — one wins, the other gets a 409.
    const rows: Raw[] = await this.db.query(
      `INSERT INTO campaign_template (template_id, template, created_by) VALUES ($1, $2::jsonb, $3)
       ON CONFLICT (template_id) DO NOTHING
       RETURNING template_id, template, created_by, created_at`,
      [template.id, JSON.stringify(template), createdBy.id],
    );
    return rows[0] ? toStored(rows[0]) : undefined;
  }
}
