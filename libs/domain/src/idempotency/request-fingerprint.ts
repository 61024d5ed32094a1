/** What identifies one write request for its idempotency key: the same key must always come with the same request. */
export interface FingerprintedRequest {
  method: string;
  /** The URL path, without the query. */
  path: string;
  /** The parsed query string. */
  query: unknown;
  /** The parsed JSON body, before validation (undefined when there is none). */
  body: unknown;
}

/**
 * JSON with every object's keys in code-point order, so that two bodies meaning the same thing
 * (keys in another order, other whitespace) read the same; arrays keep their order, and
 * properties whose value is undefined are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** The text a request's fingerprint is the hash of: method (upper case), path, query and body, canonically. */
export function requestFingerprintText(request: FingerprintedRequest): string {
  return canonicalJson({ method: request.method.toUpperCase(), path: request.path, query: request.query ?? {}, body: request.body ?? null });
}

/** `POST /hazards`: how a request is named in messages. */
export function requestLabel(request: Pick<FingerprintedRequest, 'method' | 'path'>): string {
  return `${request.method.toUpperCase()} ${request.path}`;
}

/**
 * The name a key's scope is derived from: keys belong to the caller, so the same key from two
 * people names two scopes. JSON, so no actor id and key can run into each other.
 */
export function idempotencyScopeName(actorId: string, key: string): string {
  return JSON.stringify([actorId, key]);
}

/**
 * The name one request's ids are derived from (a created resource's id, an update's id): the
 * key's scope and the request's fingerprint, so the same request under the same key always
 * names the same resource and update, and another request never does.
 */
export function idempotentRequestName(actorId: string, key: string, fingerprint: string): string {
  return JSON.stringify([actorId, key, fingerprint]);
}
