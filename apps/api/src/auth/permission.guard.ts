import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { authorize } from '@duban/domain';
import type { AuthenticatedRequest } from './authenticated-request';
import { PERMISSION_KEY, type RoutePermission } from './permit.decorator';

/**
 * Global guard after the bearer guard: the role check of `@Permit(table, action)` (layer 1 in
 * libs/domain/src/permissions.ts), before anything is looked up. A refusal is the domain's own
 * rejection (a 403 with its code and the table's reason).
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const permission = this.reflector.getAllAndOverride<RoutePermission | undefined>(PERMISSION_KEY, [context.getHandler(), context.getClass()]);
    if (!permission) return true;
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (!actor) throw new UnauthorizedException('missing bearer token: send Authorization: Bearer <access token>');
    // A refusal is the domain's own (403 with its code, e.g. permission.role_not_allowed).
    authorize(permission.table, permission.action, actor);
    return true;
  }
}
