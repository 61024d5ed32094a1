import { verifyAccessToken } from '../auth/access-token';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Whose budget a request spends: the token's subject when it carries a valid bearer token (so
 * a unit behind a shared office NAT keeps its own), otherwise its IP address. The token is
 * verified, not just decoded: a forged subject must not buy a fresh budget.
 */
export function rateLimitCaller(secret: string): (req: { headers: Record<string, unknown>; ip?: string }) => string {
  return (req) => {
    const header = req.headers.authorization;
    const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    if (token) {
      try {
        return `user:${verifyAccessToken(token, secret).id}`;
      } catch {
        // An invalid token counts against the address it came from (the bearer guard answers 401).
      }
    }
    return `ip:${req.ip ?? 'unknown'}`;
  };
}
