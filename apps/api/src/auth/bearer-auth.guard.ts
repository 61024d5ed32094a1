import { Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { verifyAccessToken } from './access-token';
import { AUTH_SECRET } from './auth-options';
import type { AuthenticatedRequest } from './authenticated-request';
import { IS_PUBLIC } from './public.decorator';

/**
 * Global guard: every route except `@Public()` ones needs `Authorization: Bearer <token>`.
 * A missing, malformed, expired or tampered token, or one whose claims are not a Duban actor
 * (e.g. a unit token without unitId), is a 401 that says which.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(AUTH_SECRET) private readonly secret: string,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    if (!header) throw new UnauthorizedException('missing bearer token: send Authorization: Bearer <access token>');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new UnauthorizedException('malformed Authorization header: expected Bearer <access token>');
    try {
      request.actor = verifyAccessToken(match[1], this.secret, this.jwt);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UnauthorizedException(`invalid bearer token: ${reason}`);
    }
    return true;
  }
}
