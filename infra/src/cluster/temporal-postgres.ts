/** The PostgreSQL server that holds Temporal's own databases (persistence and visibility). */
export interface TemporalPostgres {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Persistence database: `temporal` unless TEMPORAL_POSTGRES_URL names another. */
  database: string;
  /** Visibility database: `<database>_visibility`. */
  visibilityDatabase: string;
  /** sslmode=require (or verify-ca / verify-full) in the URL: connect with TLS. */
  tls: boolean;
}

/**
 * Temporal's PostgreSQL from a URL: TEMPORAL_POSTGRES_URL (its path, when given, names the
 * persistence database), or Duban's own DATABASE_URL / the embedded server's URL, whose path is
 * Duban's database and is therefore ignored: Temporal gets databases of its own on that server.
 */
export function temporalPostgresFromUrl(url: string, options: { ownDatabaseName: boolean }): TemporalPostgres {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Not a PostgreSQL URL (postgres://user:password@host:port/database): ${redactUrl(url)}`);
  }
  if (!['postgres:', 'postgresql:'].includes(parsed.protocol)) throw new Error(`Not a PostgreSQL URL (postgres://…): ${redactUrl(url)}`);
  const named = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  const database = (options.ownDatabaseName && named) || 'temporal';
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || 'postgres',
    password: decodeURIComponent(parsed.password),
    database,
    visibilityDatabase: `${database}_visibility`,
    tls: ['require', 'verify-ca', 'verify-full'].includes(parsed.searchParams.get('sslmode') ?? ''),
  };
}

/** The URL with its password replaced by ***, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1***@');
}
