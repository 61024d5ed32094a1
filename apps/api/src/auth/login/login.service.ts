import { randomUUID } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { familyExpiry, judgeRefresh, loginKey, sessionExpiry, type Actor, type SessionRevocationReason } from '@duban/domain';
import { AccountStore, AuthSessions, type AccountRow, type NewAuthSession } from '@duban/persistence';
import type { ResolvedAuthConfig } from '../../config/auth-config';
import { AUTH_CONFIG, CLOCK } from '../../config/api-config.tokens';
import { signAccessToken } from '../access-token';
import { actorOfAccount, accountView, type AccountView } from '../accounts/account-view';
import { AUTH_SECRET } from '../auth-options';
import { SessionGate } from '../session-gate';
import { PasswordHasher } from './password-hasher';
import { newRefreshToken, refreshTokenHash } from './refresh-token';

/** Where a login or refresh came from, kept on the session. */
export interface ClientInfo {
  userAgent?: string;
  ip?: string;
}

/** What a login and a refresh answer. */
export interface IssuedTokens {
  tokenType: 'Bearer';
  accessToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  sessionId: string;
  account: AccountView;
}

/** The one answer to every failed login: no telling an unknown name from a wrong password or a disabled account. */
export const LOGIN_REFUSED = 'login failed: unknown login name or wrong password (登录名或密码错误)';

/**
 * Login, refresh and logout (登录、续期、退出). A login opens a session family; its access token
 * (HS256, the bearer every route takes) names the session (`sid`) and the account's scope. A
 * refresh token is used once: a refresh rotates it, and a rotated one presented again revokes
 * the whole family (the domain's judgeRefresh).
 */
@Injectable()
export class LoginService {
  constructor(
    private readonly accounts: AccountStore,
    private readonly sessions: AuthSessions,
    private readonly hasher: PasswordHasher,
    private readonly gate: SessionGate,
    @Inject(AUTH_SECRET) private readonly secret: string,
    @Inject(CLOCK) private readonly now: () => Date,
    @Inject(AUTH_CONFIG) private readonly config: ResolvedAuthConfig,
  ) {}

  async login(loginName: string, password: string, client: ClientInfo): Promise<IssuedTokens> {
    const account = await this.accounts.byLoginKey(loginKey(loginName));
    const matches = account ? await this.hasher.verify(account.passwordHash, password) : await this.hasher.verifyNobody(password);
    if (!account || !matches || account.disabled) throw new UnauthorizedException(LOGIN_REFUSED);
    const now = this.now();
    const id = randomUUID();
    const { session, refreshToken } = this.newSession(
      account,
      { familyId: id, familyExpiresAt: familyExpiry(now, this.config.session) },
      now,
      client,
      id,
    );
    await this.sessions.open(session);
    return this.tokens(account, session, refreshToken);
  }

  async refresh(refreshToken: string, client: ClientInfo): Promise<IssuedTokens> {
    const session = await this.sessions.byRefreshTokenHash(refreshTokenHash(refreshToken));
    if (!session) throw new UnauthorizedException('refresh failed: unknown refresh token (刷新令牌无效): log in again');
    const now = this.now();
    let judgement = judgeRefresh(session, now);
    if (judgement === 'rotate') {
      const account = await this.accounts.byId(session.accountId);
      if (!account || account.disabled) {
        await this.revokeFamily(session.familyId, now, 'account_disabled');
        throw new UnauthorizedException(LOGIN_REFUSED);
      }
      const next = this.newSession(account, { familyId: session.familyId, familyExpiresAt: new Date(session.familyExpiresAt) }, now, client);
      if (await this.sessions.rotate(session.id, next.session, now)) return this.tokens(account, next.session, next.refreshToken);
      // Another refresh with the same token won the race: this one is a reuse.
      judgement = judgeRefresh((await this.sessions.byRefreshTokenHash(session.refreshTokenHash)) ?? session, now);
    }
    if (judgement === 'reused') {
      await this.revokeFamily(session.familyId, now, 'refresh_reused');
      throw new UnauthorizedException(
        'refresh failed: this refresh token was already used (刷新令牌被重复使用): every session of this login is revoked; log in again',
      );
    }
    throw new UnauthorizedException(`refresh failed: the session has ${judgement === 'expired' ? 'expired' : 'ended'} (登录已失效): log in again`);
  }

  /** Ends the login the token belongs to (every session of its family); a token of no login has nothing to end. */
  async logout(actor: Actor): Promise<{ sessionsEnded: number }> {
    if (actor.sessionId === undefined) return { sessionsEnded: 0 };
    const status = await this.sessions.status(actor.sessionId);
    return { sessionsEnded: status ? await this.revokeFamily(status.familyId, this.now(), 'logout') : 0 };
  }

  private async revokeFamily(familyId: string, now: Date, reason: SessionRevocationReason): Promise<number> {
    const revoked = await this.sessions.revokeFamily(familyId, now, reason);
    this.gate.forgetAll();
    return revoked;
  }

  /** The next session of `family` for `account`, with its refresh token (not yet stored). */
  private newSession(
    account: AccountRow,
    family: Pick<NewAuthSession, 'familyId' | 'familyExpiresAt'>,
    now: Date,
    client: ClientInfo,
    id = randomUUID(),
  ) {
    const refreshToken = newRefreshToken();
    const session: NewAuthSession = {
      ...family,
      id,
      accountId: account.id,
      refreshTokenHash: refreshTokenHash(refreshToken),
      createdAt: now,
      expiresAt: sessionExpiry(now, family.familyExpiresAt, this.config.session),
      userAgent: client.userAgent?.slice(0, 500) ?? null,
      ip: client.ip ?? null,
    };
    return { session, refreshToken };
  }

  private tokens(account: AccountRow, session: NewAuthSession, refreshToken: string): IssuedTokens {
    const { accessTokenSeconds } = this.config.session;
    return {
      tokenType: 'Bearer',
      accessToken: signAccessToken(actorOfAccount(account, session.id), this.secret, accessTokenSeconds),
      expiresIn: accessTokenSeconds,
      refreshToken,
      refreshTokenExpiresAt: session.expiresAt.toISOString(),
      sessionId: session.id,
      account: accountView(account),
    };
  }
}
