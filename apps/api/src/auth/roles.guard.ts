import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { authorizeHazardAction, DomainRejection, ROLE_LABELS, type HazardAction, type Role } from '@duban/domain';
import type { AuthenticatedRequest } from './authenticated-request';
import { ROLES_ACTION_KEY, ROLES_KEY } from './roles.decorator';

/** Global guard after the bearer guard: enforces `@Roles(...)` / `@RolesFor(action)`. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) return true;
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (!actor) throw new UnauthorizedException('missing bearer token: send Authorization: Bearer <access token>');
    if ((roles as string[]).includes(actor.role)) return true;
    const action = this.reflector.getAllAndOverride<HazardAction | undefined>(ROLES_ACTION_KEY, targets);
    if (action) {
      try {
        // Role check only: the object-level (own unit) check happens in the service.
        authorizeHazardAction(action, actor, actor.unitId ?? '');
      } catch (error) {
        if (error instanceof DomainRejection) throw new ForbiddenException(error.message);
        throw error;
      }
    }
    const who = roles.map((role) => ROLE_LABELS[role]).join(', ');
    throw new ForbiddenException(`${actor.role} may not call this: only ${who} may`);
  }
}
