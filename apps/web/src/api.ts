import { REJECTION_CODES } from '@duban/domain';
import { renewTokens, session, signOut } from './session';

/** An RFC 9457 problem the API answered, with the words to show. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly field: string | undefined,
    readonly body: Record<string, unknown>,
    message: string,
  ) {
    super(message);
  }
}

const STATUS_WORDS: Record<number, string> = {
  401: '未登录或登录已过期',
  403: '无权访问',
  404: '不存在或无权查看',
  409: '与当前状态冲突',
  429: '请求过于频繁，请稍后再试',
  503: '服务暂不可用，请稍后再试',
};

/** The Chinese a person reads for a problem: the domain's words for its code, the field named. */
export function problemText(status: number, body: Record<string, unknown>): string {
  const code = typeof body.code === 'string' ? body.code : '';
  const known = (REJECTION_CODES as Record<string, { zh: string } | undefined>)[code];
  const words = known?.zh ?? (typeof body.title === 'string' ? body.title : (STATUS_WORDS[status] ?? `请求失败 (${status})`));
  const field = typeof body.field === 'string' && body.field ? `（字段 ${body.field}）` : '';
  return `${words}${field}${code ? ` [${status} ${code}]` : ` [${status}]`}`;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** One refresh at a time: parallel calls that all met a 401 share it (a refresh token is used once). */
let refreshing: Promise<boolean> | undefined;

/** Trades the refresh token for new tokens (POST /auth/refresh); false when there is none or it is spent. */
function refresh(): Promise<boolean> {
  const refreshToken = session.refreshToken;
  if (!refreshToken) return Promise.resolve(false);
  refreshing ??= fetch('/auth/refresh', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken }) })
    .then(async (response) => {
      if (!response.ok) return false;
      const issued = (await response.json()) as { accessToken: string; refreshToken: string };
      renewTokens(issued.accessToken, issued.refreshToken);
      return true;
    })
    .catch(() => false)
    .finally(() => (refreshing = undefined));
  return refreshing;
}

/**
 * One call to the API on this origin with the session's bearer token. Writes carry a fresh
 * Idempotency-Key, so a retried click never records twice (the retry after a refresh reuses it).
 * A 401 renews a login's access token once and retries; otherwise it ends the session.
 */
export async function api<T = unknown>(method: string, path: string, body?: unknown, init: { idempotencyKey?: string } = {}): Promise<T> {
  const idempotencyKey = init.idempotencyKey ?? crypto.randomUUID();
  const send = () => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (session.token) headers.authorization = `Bearer ${session.token}`;
    if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers['idempotency-key'] = idempotencyKey;
    return fetch(path, { method, headers, body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body) });
  };
  let response = await send();
  if (response.status === 401 && path !== '/auth/login' && (await refresh())) response = await send();
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!response.ok) {
    if (response.status === 401 && path !== '/auth/login') signOut();
    throw new ApiProblem(
      response.status,
      String(parsed.code ?? ''),
      parsed.field as string | undefined,
      parsed,
      problemText(response.status, parsed),
    );
  }
  return parsed as T;
}

export const get = <T = unknown>(path: string, query?: Query) => api<T>('GET', withQuery(path, query));
export const post = <T = unknown>(path: string, body: unknown) => api<T>('POST', path, body);
