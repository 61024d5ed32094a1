import { reactive } from 'vue';
import type { Role } from '@duban/domain';

/** Who is logged in, as GET /auth/me answered: the page shows what the role may see, the API decides. */
export interface SessionActor {
  id: string;
  name: string;
  role: Role;
  unitId?: string;
  regionId?: string;
  sessionId?: string;
}

const TOKEN_KEY = 'duban.accessToken';
const REFRESH_KEY = 'duban.refreshToken';
const ACTOR_KEY = 'duban.actor';

/**
 * The access token lives in sessionStorage: gone when the tab closes, never shared with another
 * tab's login, never sent anywhere but this origin's API.
 */
export const session = reactive<{ token: string | null; refreshToken: string | null; actor: SessionActor | null }>({
  token: sessionStorage.getItem(TOKEN_KEY),
  refreshToken: sessionStorage.getItem(REFRESH_KEY),
  actor: JSON.parse(sessionStorage.getItem(ACTOR_KEY) ?? 'null') as SessionActor | null,
});

/** `refreshToken`: a login's (账号登录), used once to renew the short-lived access token; a demo token has none. */
export function signIn(token: string, actor: SessionActor, refreshToken: string | null = null): void {
  session.actor = actor;
  sessionStorage.setItem(ACTOR_KEY, JSON.stringify(actor));
  renewTokens(token, refreshToken);
}

export function renewTokens(token: string, refreshToken: string | null): void {
  session.token = token;
  session.refreshToken = refreshToken;
  sessionStorage.setItem(TOKEN_KEY, token);
  if (refreshToken) sessionStorage.setItem(REFRESH_KEY, refreshToken);
  else sessionStorage.removeItem(REFRESH_KEY);
}

export function signOut(): void {
  session.token = null;
  session.refreshToken = null;
  session.actor = null;
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(REFRESH_KEY);
  sessionStorage.removeItem(ACTOR_KEY);
}
