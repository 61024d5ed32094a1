import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Throw-away databases on the suite's PostgreSQL (the global setup's DATABASE_URL), one per
 * spec scenario, so specs that migrate, revert and race do not see each other's schema.
 */
export class ScratchDatabases {
  private readonly created: string[] = [];

  constructor(private readonly serverUrl: string) {}

  /** Creates `<prefix>_<random>` and returns its connection URL. */
  async create(prefix: string): Promise<string> {
    const name = `${prefix}_${randomBytes(5).toString('hex')}`;
    await this.admin((c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
    this.created.push(name);
    const url = new URL(this.serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }

  /** Drops every database this instance created, closing connections still open to them. */
  async dropAll(): Promise<void> {
    for (const name of this.created.splice(0)) {
      await this.admin((c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
    }
  }

  private async admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: this.serverUrl });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }
}
