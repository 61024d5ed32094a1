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
 * One request to the API on this origin with the session's bearer token, answered as it came.
 * Writes carry a fresh Idempotency-Key, so a retried click never records twice (the retry after a
 * refresh reuses it). A 401 renews a login's access token once and retries; otherwise it ends the session.
 */
export async function request(
  method: string,
  path: string,
  body?: unknown,
  init: { idempotencyKey?: string; accept?: string } = {},
): Promise<Response> {
  const idempotencyKey = init.idempotencyKey ?? crypto.randomUUID();
  const once = () => {
    const headers: Record<string, string> = { accept: init.accept ?? 'application/json' };
    if (session.token) headers.authorization = `Bearer ${session.token}`;
    if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
    if (method !== 'GET') headers['idempotency-key'] = idempotencyKey;
    return fetch(path, { method, headers, body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body) });
  };
  let response = await once();
  if (response.status === 401 && path !== '/auth/login' && (await refresh())) response = await once();
  if (response.status === 401 && path !== '/auth/login') signOut();
  return response;
}

/** The problem a refused answer carries (problem+json, or only its status), with the words to show. */
export async function problemOf(response: Response): Promise<ApiProblem> {
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  return new ApiProblem(response.status, String(parsed.code ?? ''), parsed.field as string | undefined, parsed, problemText(response.status, parsed));
}

/** One call to the API answered in JSON (see `request`); a refusal is thrown as an ApiProblem. */
export async function api<T = unknown>(method: string, path: string, body?: unknown, init: { idempotencyKey?: string } = {}): Promise<T> {
  const response = await request(method, path, body, init);
  if (!response.ok) throw await problemOf(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : {}) as T;
}

/**
 * Downloads a file the API serves (an .xlsx, an audit bundle's .zip) and saves it under the name
 * its Content-Disposition gives (RFC 5987 `filename*`, UTF-8), else `fallback`; answers that name
 * and the response's headers (a bundle's root digest). A refusal is thrown as an ApiProblem.
 */
export async function download(path: string, fallback: string): Promise<{ filename: string; headers: Headers }> {
  const response = await request('GET', path, undefined, { accept: '*/*' });
  if (!response.ok) throw await problemOf(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const filename = encoded ? decodeURIComponent(encoded) : fallback;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoked at once, the browser may not have started reading the blob yet.
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  return { filename, headers: response.headers };
}

export const get = <T = unknown>(path: string, query?: Query) => api<T>('GET', withQuery(path, query));
export const post = <T = unknown>(path: string, body: unknown) => api<T>('POST', path, body);
