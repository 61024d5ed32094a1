import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { authorize, DomainRejection } from '@duban/domain';
import type { AuthenticatedRequest } from './authenticated-request';
import { PERMISSION_KEY, type RoutePermission } from './permit.decorator';

/**
 * Global guard after the bearer guard: the role check of `@Permit(table, action)` (layer 1 in
 * libs/domain/src/permissions.ts), before anything is looked up. A refusal is a 403 with the
 * table's reason.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const permission = this.reflector.getAllAndOverride<RoutePermission | undefined>(PERMISSION_KEY, [context.getHandler(), context.getClass()]);
    if (!permission) return true;
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (!actor) throw new UnauthorizedException('missing bearer token: send Authorization: Bearer <access token>');
    try {
      authorize(permission.table, permission.action, actor);
    } catch (error) {
      if (error instanceof DomainRejection) throw new ForbiddenException(error.message);
      throw error;
    }
    return true;
  }
}
