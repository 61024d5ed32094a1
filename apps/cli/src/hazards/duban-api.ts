import { requireEnv, type CliIo } from '../cli-io';

/**
 * The Duban API as the hazard commands reach it (DUBAN_API_URL, DUBAN_TOKEN): the hazards are
 * workflows, and only the API starts them the way POST /hazards does (the policy, the calendar,
 * the caller's scope); the CLI is one more client of it, calling as the token's holder.
 */
export interface DubanApi {
  base: string;
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

export function dubanApi(io: CliIo): DubanApi {
  const base = requireEnv(io, 'DUBAN_API_URL', 'the Duban API’s address (http://host:port)').replace(/\/+$/, '');
  const token = requireEnv(io, 'DUBAN_TOKEN', 'a bearer token of the account that exports or imports (its role and scope apply)');
  return {
    base,
    fetch: (path, init = {}) => fetch(`${base}${path}`, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } }),
  };
}

/** The problem+json the API refused with, as one line: status, code, field, detail. */
export async function refusal(res: Response): Promise<string> {
  const text = await res.text();
  try {
    const problem = JSON.parse(text) as { code?: string; field?: string; detail?: string; title?: string };
    return `${res.status} ${problem.code ?? ''}${problem.field ? ` (${problem.field})` : ''}: ${problem.detail ?? problem.title ?? text}`;
  } catch {
    return `${res.status}: ${text.slice(0, 300)}`;
  }
}
