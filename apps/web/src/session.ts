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
const ACTOR_KEY = 'duban.actor';

/**
 * The access token lives in sessionStorage: gone when the tab closes, never shared with another
 * tab's login, never sent anywhere but this origin's API.
 */
export const session = reactive<{ token: string | null; actor: SessionActor | null }>({
  token: sessionStorage.getItem(TOKEN_KEY),
  actor: JSON.parse(sessionStorage.getItem(ACTOR_KEY) ?? 'null') as SessionActor | null,
});

export function signIn(token: string, actor: SessionActor): void {
  session.token = token;
  session.actor = actor;
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(ACTOR_KEY, JSON.stringify(actor));
}

export function signOut(): void {
  session.token = null;
  session.actor = null;
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(ACTOR_KEY);
}
