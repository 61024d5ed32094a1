import { Inject, Injectable, Optional, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ResolvedAuthConfig } from '../config/auth-config';
import { AUTH_CONFIG } from '../config/api-config.tokens';
import { verifyAccessToken } from './access-token';
import { AUTH_SECRET } from './auth-options';
import type { AuthenticatedRequest } from './authenticated-request';
import { IS_PUBLIC } from './public.decorator';
import { SessionGate } from './session-gate';

/**
 * Global guard: every route except `@Public()` ones needs `Authorization: Bearer <token>`.
 * A missing, malformed, expired or tampered token, or one whose claims are not a Duban actor
 * (e.g. a unit token without unitId), is a 401 that says which. A token a login issued (`sid`)
 * is honoured only while its session is (SessionGate: not logged out, revoked or expired); a
 * token without one (a demo token) only where demo tokens are on (not in production).
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTH_SECRET) private readonly secret: string,
    @Inject(AUTH_CONFIG) private readonly config: ResolvedAuthConfig,
    // Absent where no accounts module is mounted (specs of other routes): then no `sid` is honoured.
    @Optional() private readonly sessions?: SessionGate,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    if (!header) throw new UnauthorizedException('missing bearer token: send Authorization: Bearer <access token>');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new UnauthorizedException('malformed Authorization header: expected Bearer <access token>');
    let actor;
    try {
      actor = verifyAccessToken(match[1], this.secret);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UnauthorizedException(`invalid bearer token: ${reason}`);
    }
    if (actor.sessionId === undefined) {
      if (!this.config.demoTokens)
        throw new UnauthorizedException(
          'invalid bearer token: tokens without a login session (demo tokens) are refused here: log in at POST /auth/login',
        );
    } else if (!this.sessions || !(await this.sessions.isActive(actor.sessionId, actor.id))) {
      throw new UnauthorizedException(
        'invalid bearer token: its login session has ended (logged out, revoked or expired): log in again (登录已失效)',
      );
    }
    request.actor = actor;
    return true;
  }
}
